// tests/web/steps.mjs — the resident's actions for the browser flow tests,
// in the three ways a phone user acts: a finger on the canvas with the text
// agent and a pinyin IME (touch*), the accessible DOM layer driven by the
// keyboard alone (kb*), and the staff side through `civic-server staff`.
// Every wait polls the semantic nodes the page publishes (window.civic).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BIN } from './harness.mjs';

const run = promisify(execFile);

export const nodes = (page) => page.evaluate(() => window.civic.nodes());

export async function waitNode(page, pred, what, tries = 300) {
  for (let i = 0; i < tries; i++) {
    const n = (await nodes(page).catch(() => [])).find(pred);
    if (n) return n;
    await page.waitForTimeout(100);
  }
  throw new Error(`never appeared: ${what}\n${JSON.stringify(await nodes(page).catch(() => []))}`);
}
export const byId = (page, id) => waitNode(page, (n) => n.id === id, id);

// Waits until the UI has settled: the same nodes for two polls in a row.
export async function settled(page) {
  let last = '';
  for (let i = 0; i < 100; i++) {
    const now = JSON.stringify(await nodes(page));
    if (now === last) return JSON.parse(now);
    last = now;
    await page.waitForTimeout(120);
  }
  throw new Error('the UI never settled');
}

// ---- a finger on the canvas -----------------------------------------------

// Taps the node's centre (scrolling it into view with a drag first when it
// is under the bottom edge), as a finger: imgui_impl_html5's touch events.
export async function touchTap(page, id, cdp) {
  let n = await byId(page, id);
  const height = page.viewportSize().height;
  for (let i = 0; i < 10 && (n.y + n.h > height - 8 || n.y < 60); i++) {
    const dy = n.y + n.h > height - 8 ? -Math.min(400, n.y + n.h - height + 120) : Math.min(400, 160 - n.y);
    await drag(page, cdp, 200, height / 2, height / 2 + dy);
    await settled(page);
    n = await byId(page, id);
  }
  await page.touchscreen.tap(n.x + n.w / 2, n.y + n.h / 2);
}

// One finger moved slowly (no flick), as CDP touch events.
async function drag(page, cdp, x, y0, y1) {
  const steps = 12;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / steps }] });
  await page.waitForTimeout(150);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// Taps a text field and enters `text` as a Chinese IME does: the pinyin is
// composed in the focused text agent (compositionstart/update), then the
// chosen words are committed (compositionend). `pinyin` is what is composed.
export async function touchTypeIme(page, cdp, id, pinyin, text) {
  await touchTap(page, id, cdp);
  await page.waitForFunction(() => document.activeElement === window.civic.textAgent());
  let composed = '';
  for (const ch of pinyin) {
    composed += ch;
    await cdp.send('Input.imeSetComposition', { text: composed, selectionStart: composed.length, selectionEnd: composed.length });
  }
  await cdp.send('Input.insertText', { text });   // commits the composition
  await waitNode(page, (n) => n.id === id && n.value.endsWith(text), `${id} holds ${text}`);
}

// Taps a text field and types plain keys (digits, Latin) into the text agent.
export async function touchTypeKeys(page, cdp, id, text) {
  await touchTap(page, id, cdp);
  await page.waitForFunction(() => document.activeElement === window.civic.textAgent());
  await page.keyboard.type(text, { delay: 20 });
  await waitNode(page, (n) => n.id === id && n.value.endsWith(text), `${id} holds ${text}`);
}

// ---- the keyboard alone, through the accessible DOM layer ------------------

// Presses Tab (Shift+Tab when `back`) until the focused element is the
// accessible twin of semantic node `id`; fails after `limit` presses.
export async function kbFocus(page, id, limit = 60) {
  await byId(page, id);
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((want) => document.activeElement && document.activeElement.dataset.id === want, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${id}`);
}
// Focus, then Enter (buttons, links) or Space (checkboxes).
export async function kbPress(page, id, key = 'Enter') {
  await kbFocus(page, id);
  await page.keyboard.press(key);
}
// Focus a text field, then type into it (CJK arrives as inserted text, as
// from an IME that commits whole words).
export async function kbType(page, id, text) {
  await kbFocus(page, id);
  await page.keyboard.type(text, { delay: 10 });
  await waitNode(page, (n) => n.id === id && n.value.endsWith(text), `${id} holds ${text}`);
}

// ---- the staff ------------------------------------------------------------

export function staffToken(server) {
  return readFileSync(join(server.dir, 'staff-token'), 'utf8').trim();
}
export async function staffUpdate(server, id, status, note) {
  const args = ['staff', '--server', server.api, '--token', staffToken(server), 'update', id, '--status', status];
  if (note) args.push('--note', note);
  await run(join(BIN, 'civic-server'), args, { env: { ...process.env, CIVIC_LANG: 'en' } });
}
export async function staffView(server, id, status) {
  const r = await fetch(`${server.api}civic/staff/requests.json?status=${status}`,
    { headers: { Authorization: `Bearer ${staffToken(server)}` } });
  assert.equal(r.status, 200);
  return (await r.json()).find((t) => t.service_request_id === id);
}

// Moves the ticket to `status` and waits until the ticket screen shows
// `shown` in its status line; returns the ms from the staff command's exit
// (the change committed and published) to the page having it in its nodes.
export async function staffMoveAndSee(page, server, id, status, note, shown) {
  await staffUpdate(server, id, status, note);
  const t0 = Date.now();
  const seen = await page.waitForFunction((want) => {
    const n = window.civic.nodes().find((x) => x.id === 'ticket/status');
    return n && n.name === want ? Date.now() : false;
  }, shown, { polling: 10, timeout: 30000 });
  return (await seen.jsonValue()) - t0;
}

// Server-side truth: every ticket, as the public list has them.
export async function serverTickets(server) {
  const r = await fetch(`${server.api}requests.json`);
  assert.equal(r.status, 200);
  return r.json();
}
