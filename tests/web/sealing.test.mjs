// tests/web/sealing.test.mjs — the phone sends name and phone only sealed
// (SECURITY.md, "network observer"): every request body the page sends and
// the outbox record in IndexedDB are searched for the personal values, the
// department's staff read them back (so they were sealed to the right key),
// the server's signing key is pinned in localStorage on first use, and a
// changed key is refused on the review page with the form intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, openPhone } from './harness.mjs';

const NAME = '欧阳娜娜';
const PHONE = '13912345678';
let server;

before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

const nodes = (page) => page.evaluate(() => window.civic.nodes());
async function waitNode(page, pred, what, tries = 300) {
  for (let i = 0; i < tries; i++) {
    const n = (await nodes(page).catch(() => [])).find(pred);
    if (n) return n;
    await page.waitForTimeout(100);
  }
  throw new Error(`never appeared: ${what}\n${JSON.stringify(await nodes(page).catch(() => []))}`);
}
const byId = (page, id) => waitNode(page, (n) => n.id === id, id);
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

// Every spelling of the personal values an observer could search for.
function assertNoPersonal(text, where) {
  for (const v of [PHONE, NAME, encodeURIComponent(NAME), Buffer.from(NAME).toString('latin1')])
    assert.ok(!text.includes(v), `${where} holds ${JSON.stringify(v)} in the clear`);
}

async function fillForm(page, description) {
  const group = await waitNode(page, (n) => n.role === 'button' && n.name === '道路与路灯', 'group 道路与路灯');
  await tap(page, group.id);
  await tap(page, 'service/streetlight-out');
  await type(page, 'field/description', description);
  await tap(page, 'field/attribute[problem]/out');
  await type(page, 'field/attribute[lights_out]', '2');
  await type(page, 'field/location', '南山区科技园路 1 号');
  await type(page, 'field/first_name', NAME);
  await type(page, 'field/phone', PHONE);
  await tap(page, 'review');
}

async function outboxRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('civic');
    open.onsuccess = () => {
      const all = open.result.transaction('outbox').objectStore('outbox').getAll();
      all.onsuccess = () => resolve(all.result.map((v) => (typeof v === 'string' ? v
        : new TextDecoder('latin1').decode(v instanceof ArrayBuffer ? new Uint8Array(v) : v))));
      all.onerror = () => reject(all.error);
    };
    open.onerror = () => reject(open.error);
  }));
}

test('name and phone travel only sealed; the department reads them; the key is pinned', async () => {
  const phone = await openPhone({ locale: 'zh-CN' });
  try {
    const { page } = phone;
    const bodies = [];
    page.on('request', (r) => { if (r.method() !== 'GET') bodies.push(`${r.method()} ${r.url()}\n${r.postData() ?? ''}`); });
    await page.goto(server.base);
    await fillForm(page, '小区东门路灯连续三晚不亮');
    await tap(page, 'submit');
    const id = (await byId(page, 'ticket/number')).name;
    assert.match(id, /^\d{4}-\d{6}$/);

    const posts = bodies.filter((b) => b.startsWith('POST') && b.includes('requests.json'));
    assert.equal(posts.length, 1, bodies.join('\n---\n'));
    assert.match(posts[0], /sealed_personal=/);
    for (const b of bodies) assertNoPersonal(b, 'a request body');
    for (const rec of await outboxRecords(page)) assertNoPersonal(rec, 'the outbox record in IndexedDB');

    const pins = JSON.parse(await page.evaluate(() => localStorage.getItem('civic.pins')));
    assert.equal(pins.pins.length, 1);
    assert.equal(pins.pins[0].server, new URL(server.base).origin);

    // The department's staff read them back: they were sealed to this server.
    const admin = readFileSync(join(server.dir, 'staff-token'), 'utf8').trim();
    const mint = await fetch(`${server.api}civic/staff/tokens.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${admin}` },
      body: new URLSearchParams({ department: 'urban-management', label: 'web-sealing' }).toString(),
    });
    assert.equal(mint.status, 201);
    const staff = (await mint.json()).token;
    const read = await fetch(`${server.api}civic/staff/requests/${id}/personal.json`,
      { headers: { Authorization: `Bearer ${staff}` } });
    assert.equal(read.status, 200);
    const personal = await read.json();
    assert.deepEqual([personal.first_name, personal.phone], [NAME, PHONE]);
    assert.deepEqual(phone.problems().filter((p) => !p.includes('favicon')), []);
  } finally {
    await phone.close();
  }
});

test('a changed server key is refused on the review page; nothing personal is sent, nothing typed is lost', async () => {
  const phone = await openPhone({ locale: 'zh-CN' });
  try {
    const { page } = phone;
    // This browser pinned another key for this server earlier (as if the
    // server it met first was not this one, or this one is an impostor).
    const origin = new URL(server.base).origin;
    const otherKey = Buffer.alloc(32, 7).toString('base64');
    await page.addInitScript(([o, k]) => {
      localStorage.setItem('civic.pins', JSON.stringify({ civic_pins: 1, pins: [
        { server: o, public_key: k, key_id: '0000000000000000', first_seen: '2026-11-01T00:00:00Z' }] }));
    }, [origin, otherKey]);
    const bodies = [];
    page.on('request', (r) => { if (r.method() !== 'GET') bodies.push(r.postData() ?? ''); });
    await page.goto(server.base);
    await fillForm(page, '路灯不亮（密钥已变）');
    await tap(page, 'submit');
    const alert = await waitNode(page, (n) => n.id === 'error' && n.name.includes('签名密钥已变更'), 'the key-changed error');
    assert.ok(alert.name.includes('未予接受'), alert.name);
    assert.equal(bodies.length, 0, `nothing was sent: ${bodies.join('\n')}`);
    assert.equal((await outboxRecords(page)).length, 0, 'nothing was queued');
    await tap(page, 'back');   // back to the form: everything typed is still there
    assert.equal((await byId(page, 'field/phone')).value, PHONE);
    assert.equal((await byId(page, 'field/first_name')).value, NAME);
  } finally {
    await phone.close();
  }
});
