// tests/web/draft.test.mjs — the draft is saved continuously (issue 7): a
// resident who leaves the form finds it on the home screen; one who loses
// the network and reloads gets the page from the service worker and the
// form back as typed, can submit it (queued in the outbox), and when the
// network returns it is delivered exactly once and the draft is gone.
// Discarding throws it away, in memory and in storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone } from './harness.mjs';
import { byId, waitNode, serverTickets, nodes, settled } from './steps.mjs';

const DESCRIPTION = '小区东门路灯连续三晚不亮';
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

// Through the accessible layer (as live.test.mjs and outbox.test.mjs do).
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
// Back, one screen at a time, until `id` is drawn: two quick taps on the
// same top-bar id can land in one frame and count once.
async function backTo(page, id) {
  for (let i = 0; i < 4 && !(await nodes(page)).some((n) => n.id === id); i++) {
    await tap(page, 'back');
    await settled(page);
  }
  return byId(page, id);
}
const stored = (page) => page.evaluate(() => localStorage.getItem('civic-draft'));
const value = async (page, id) => (await byId(page, id)).value;

test('a draft survives leaving, an offline reload, and is delivered once', async (t) => {
  const { page } = phone;
  await page.goto(server.base);
  await page.evaluate(() => window.civic.offlineReady());
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const group = await waitNode(page, (n) => n.role === 'button' && n.name === '道路与路灯', 'group 道路与路灯');
  const before = (await serverTickets(server)).length;

  await t.test('typing is saved without any other action', async () => {
    await tap(page, group.id);
    await tap(page, 'service/streetlight-out');
    await type(page, 'field/description', DESCRIPTION);
    await page.waitForFunction((d) => (localStorage.getItem('civic-draft') || '').includes(d), DESCRIPTION);
    const j = JSON.parse(await stored(page));
    assert.equal(j.service, 'streetlight-out');
    assert.ok(j.definition.length > 0, 'the service definition is kept with the values (offline restore)');
  });

  await t.test('leaving the form keeps it on the home screen; continue restores it', async () => {
    await tap(page, 'field/attribute[problem]/out');
    await type(page, 'field/attribute[lights_out]', '2');
    const card = await backTo(page, 'draft/resume');
    assert.ok(card.name.includes('路灯'), card.name);
    await tap(page, 'draft/resume');
    assert.equal(await value(page, 'field/description'), DESCRIPTION);
    assert.equal(await value(page, 'field/attribute[lights_out]'), '2');
  });

  await t.test('a hidden page saves at once (no timer needed)', async () => {
    await type(page, 'field/location', '南山区科技园路 1 号');
    // The accessible layer hands text to the next frame: hide the page once
    // the app holds it (the node shows it), so the save must be the hide's.
    await waitNode(page, (n) => n.id === 'field/location' && n.value.includes('科技园路'), 'the typed address');
    try {
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      assert.ok((await stored(page)).includes('科技园路'), 'saved synchronously when hidden');
      const frames = await page.evaluate(() => window.civic.framesDrawn());
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => window.civic.framesDrawn()), frames, 'no frame while hidden');
    } finally {   // the later steps need a visible page even when this one failed
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
    }
  });

  await t.test('offline reload: the shell from the service worker, the form from the draft', async () => {
    await type(page, 'field/phone', '13800138000');
    await page.waitForFunction(() => (localStorage.getItem('civic-draft') || '').includes('13800138000'));
    await phone.context.setOffline(true);
    await page.reload();
    assert.equal(await value(page, 'field/description'), DESCRIPTION);
    assert.equal(await value(page, 'field/phone'), '13800138000');
    assert.equal(await value(page, 'field/location'), '南山区科技园路 1 号');
    const fromWorker = await page.evaluate(() => performance.getEntriesByType('navigation')[0].workerStart > 0);
    assert.ok(fromWorker, 'the page came through the service worker');
  });

  await t.test('submitted offline it waits in the outbox; online it is delivered once', async () => {
    await tap(page, 'review');
    await tap(page, 'submit');
    await waitNode(page, (n) => n.id === 'ticket/queued', 'waiting for network');
    await page.waitForFunction(() => localStorage.getItem('civic-draft') === null);
    await phone.context.setOffline(false);
    const number = (await byId(page, 'ticket/number')).name;
    assert.match(number, /^\d{4}-\d{6}$/);
    const all = await serverTickets(server);
    assert.equal(all.length, before + 1, 'delivered exactly once');
    assert.equal(all.find((x) => x.service_request_id === number).description, DESCRIPTION);
    await page.reload();
    await tap(page, 'my_concerns');
    await byId(page, `ticket/${number}`);
    assert.equal(await page.evaluate(() => document.querySelector('[data-id="draft/resume"]')), null, 'no draft after filing');
    assert.equal((await serverTickets(server)).length, before + 1, 'still once after a reload');
  });

  await t.test('discard throws a draft away, in memory and in storage', async () => {
    await tap(page, 'back');   // tickets → home
    const g = await waitNode(page, (n) => n.role === 'button' && n.name === '道路与路灯', 'group');
    await tap(page, g.id);
    await tap(page, 'service/streetlight-out');
    await type(page, 'field/description', '另一条草稿');
    await page.waitForFunction(() => (localStorage.getItem('civic-draft') || '').includes('另一条草稿'));
    await backTo(page, 'draft/discard');
    await tap(page, 'draft/discard');
    await page.waitForFunction(() => localStorage.getItem('civic-draft') === null);
    await page.reload();
    await waitNode(page, (n) => n.role === 'button' && n.name === '道路与路灯', 'home after reload');
    assert.equal((await phone.page.evaluate(() => window.civic.nodes())).some((n) => n.id === 'draft/resume'), false);
  });

  await t.test('no page error', () => {
    assert.deepEqual(phone.problems().filter((p) => p.startsWith('page error')), []);
  });
});
