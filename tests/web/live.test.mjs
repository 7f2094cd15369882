// tests/web/live.test.mjs — a staff change reaches the resident's ticket
// screen without a reload: the phone files a concern, opens its ticket, and
// `civic-server staff … update` (the staff HTTP API) moves it; the event
// stream (EventSource → core's SSE parser and timeline) shows the new stage
// and the timeline entry with the department's note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BIN, startServer, openPhone } from './harness.mjs';

const run = promisify(execFile);
let server;
let phone;

before(async () => {
  server = await startServer();
  phone = await openPhone({ locale: 'zh-CN' });
});

after(async () => {
  if (phone) await phone.close();
  if (server) await server.stop();
});

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

test('a staff change appears on the ticket screen without a reload', async () => {
  const { page } = phone;
  if (process.env.CIVIC_DEBUG) {
    page.on('console', (m) => console.log('console:', m.text()));
    page.on('request', (r) => console.log('request:', r.method(), r.url()));
    page.on('response', (r) => console.log('response:', r.status(), r.url()));
    page.on('requestfailed', (r) => console.log('failed:', r.url(), r.failure() && r.failure().errorText));
  }
  await page.goto(server.base);
  const group = await waitNode(page, (n) => n.role === 'button' && n.name === '道路与路灯', 'group 道路与路灯');
  await tap(page, group.id);
  await tap(page, 'service/streetlight-out');
  await type(page, 'field/description', '小区东门路灯连续三晚不亮');
  await tap(page, 'field/attribute[problem]/out');
  await type(page, 'field/attribute[lights_out]', '2');
  await type(page, 'field/location', '南山区科技园路 1 号');
  await type(page, 'field/phone', '13800138000');
  await tap(page, 'review');
  await tap(page, 'submit');
  const id = (await byId(page, 'ticket/number')).name;
  assert.match(id, /^\d{4}-\d{6}$/);
  await tap(page, 'follow');
  // The stream's replay gives the first stage.
  await waitNode(page, (n) => n.id === 'timeline/1', 'the first timeline entry');
  const navigations = await page.evaluate(() => performance.getEntriesByType('navigation').length);

  const token = readFileSync(join(server.dir, 'staff-token'), 'utf8').trim();
  await run(join(BIN, 'civic-server'), ['staff', '--server', server.api, '--token', token,
    'update', id, '--status', 'accepted', '--note', '已派维修班组'], { env: { ...process.env, CIVIC_LANG: 'en' } });

  const entry = await waitNode(page, (n) => n.id.startsWith('timeline/') && n.name.includes('已派维修班组'),
    'the staff note in the timeline', 100);
  assert.ok(entry.name.startsWith('已受理'), entry.name);
  const status = await byId(page, 'ticket/status');
  assert.equal(status.name, '已受理');
  const said = await byId(page, 'announcement');
  assert.ok(said.name.includes(id), said.name);
  assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), navigations, 'no reload');
  assert.equal(await page.evaluate(() => location.href), server.base, 'the same page');
  assert.deepEqual(phone.problems().filter((p) => !p.includes('favicon')), []);
});
