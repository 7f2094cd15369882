// tests/web/outbox.test.mjs — the phone's outbox (IndexedDB) against the real
// civic-server: a concern filed while the server is down is kept (the receipt
// says so), survives a page reload and a browser restart on the same profile,
// and is delivered exactly once when the server is back (the browser's
// `online` event, or the retry timer) — then its ticket number appears.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BIN, WEB_DIR, CHROMIUM_ARGS, PHONE, freePort } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'civic-web-outbox-'));
const profile = mkdtempSync(join(tmpdir(), 'civic-chromium-outbox-'));
let port;
let proc = null;
let context = null;
const problems = [];

// civic-server on a fixed port and database, so it can stop and come back.
async function serverUp() {
  proc = spawn(join(BIN, 'civic-server'),
    ['--port', String(port), '--db', join(dir, 'civic.db'), '--web', WEB_DIR, '--media', join(dir, 'media')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`civic-server exited:\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/open311/discovery.json`)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`civic-server did not start:\n${log}`);
}
async function serverDown() {
  if (!proc || proc.exitCode !== null) return;
  const gone = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await gone;
  proc = null;
}

async function openBrowser() {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, locale: 'zh-CN', ...PHONE,
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return page;
}

const base = () => `http://127.0.0.1:${port}/`;
const nodes = (page) => page.evaluate(() => window.civic.nodes());
async function waitNode(page, pred, what) {
  for (let i = 0; i < 300; i++) {
    const n = (await nodes(page).catch(() => [])).find(pred);
    if (n) return n;
    await page.waitForTimeout(100);
  }
  throw new Error(`never appeared: ${what}\n${JSON.stringify(await nodes(page).catch(() => []))}`);
}
const byId = (page, id) => waitNode(page, (n) => n.id === id, id);
// Through the accessible DOM layer (what a screen reader or keyboard does).
async function tap(page, id) {
  await byId(page, id);
  await page.locator(`[data-id="${id}"]`).dispatchEvent('click');
}
async function type(page, id, text) {
  await byId(page, id);
  await page.locator(`[data-id="${id}"]`).evaluate((el, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
async function serverTickets() {
  const r = await fetch(`${base()}open311/v2/requests.json`);
  assert.equal(r.status, 200);
  return r.json();
}

before(async () => {
  port = await freePort();
  await serverUp();
});

after(async () => {
  if (context) await context.close();
  await serverDown();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

test('a concern filed offline is kept across reload and restart, then delivered once', async () => {
  let page = await openBrowser();
  await page.goto(base());
  await page.waitForFunction(() => window.civic && window.civic.offlineReady);
  await page.evaluate(() => window.civic.offlineReady());
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const before = (await serverTickets()).length;

  // The resident opens the form while online (the definition is fetched) …
  const group = await waitNode(page, (n) => n.role === 'button' && n.name === '道路与路灯', 'group 道路与路灯');
  await tap(page, group.id);
  await tap(page, 'service/streetlight-out');
  await type(page, 'field/description', '小区东门路灯连续三晚不亮');
  await tap(page, 'field/attribute[problem]/out');
  await type(page, 'field/attribute[lights_out]', '2');
  await type(page, 'field/location', '南山区科技园路 1 号');
  await type(page, 'field/phone', '13800138000');
  await tap(page, 'review');
  await byId(page, 'submit');

  // … and the network goes before they press submit.
  await serverDown();
  await tap(page, 'submit');
  // "Sending" first; the fetch fails: "waiting for network".
  await waitNode(page, (n) => n.id === 'ticket/queued' && n.name === '等待网络：恢复后将自动发送', 'waiting for network');
  const ref = (await byId(page, 'ticket/local_ref')).name;
  assert.match(ref, /^[0-9a-f]{8}$/, 'the local reference is shown at once');
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('civic');
    open.onsuccess = () => {
      const all = open.result.transaction('outbox').objectStore('outbox').getAllKeys();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    };
    open.onerror = () => reject(open.error);
  }));
  assert.equal(stored.length, 1, 'one record in IndexedDB');
  assert.ok(stored[0].startsWith(ref), `the record is keyed by the idempotency key (${stored[0]})`);

  // Reload with the server still down: the service worker serves the page,
  // IndexedDB the concern.
  await page.reload();
  await tap(page, 'my_concerns');
  await waitNode(page, (n) => n.id === `ticket/${stored[0]}`, 'the queued card after reload');

  // Close the browser entirely and open it again on the same profile.
  await context.close();
  context = null;
  page = await openBrowser();
  await page.goto(base()).catch(() => {});   // from the service worker
  await tap(page, 'my_concerns');
  await waitNode(page, (n) => n.id === `ticket/${stored[0]}`, 'the queued card after a browser restart');
  assert.equal((await serverTickets().catch(() => null)), null, 'the server is still down');

  // The server comes back; the browser reports the network back (`online`).
  await serverUp();
  await context.setOffline(true);
  await context.setOffline(false);
  const delivered = await waitNode(page, (n) => n.id.startsWith('ticket/') && /^\d{4}-\d{6}$/.test(n.id.slice(7)),
    'the ticket number on the card');
  const id = delivered.id.slice(7);
  const after = await serverTickets();
  assert.equal(after.length, before + 1, 'filed exactly once');
  assert.equal(after.filter((t) => t.service_request_id === id).length, 1);

  // A reload now shows the delivered ticket, and nothing is sent again.
  await page.reload();
  await tap(page, 'my_concerns');
  await byId(page, `ticket/${id}`);
  await page.waitForTimeout(500);
  assert.equal((await serverTickets()).length, before + 1, 'still exactly once');
  assert.deepEqual(problems, []);
});
