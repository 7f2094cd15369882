// tests/web/smoke.test.mjs — the web build end to end in a phone: the page
// loads from a real civic-server, shows the service groups it fetched (in
// zh-CN, through the accessible layer), switches to English with a tap on the
// canvas, and does all that without a console error or CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone, serverGroups, screenshotPath, tapNode } from './harness.mjs';

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

test('phone shows the fetched catalogue in Chinese, then in English', async (t) => {
  const { page } = phone;
  const zh = await serverGroups(server.api, 'zh-CN');
  const en = await serverGroups(server.api, 'en');
  assert.ok(zh.length >= 6, `the seeded catalogue has at least 6 groups (got ${zh.length})`);
  assert.ok(zh.some((g) => /[\u4e00-\u9fff]/.test(g)), 'zh-CN group names are Chinese');

  const catalogueAsks = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/services.json')) catalogueAsks.push(r.url()); });
  await page.goto(server.base);

  await t.test('every zh-CN group appears as a button of the accessible layer', async () => {
    for (const g of zh) await page.getByRole('button', { name: g, exact: true }).waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    // A group card is heard with what is drawn on it: its services and the count badge.
    const said = await page.getByRole('button', { name: zh[0], exact: true }).getAttribute('aria-description');
    assert.match(said || '', /[\u4e00-\u9fff]{2,}.*, \d+ 项服务$/, `the first group's description: ${said}`);
    await page.screenshot({ path: screenshotPath('web-smoke-zh.png') });
  });

  await t.test('the catalogue is asked for once: the page\'s prefetch is the reply core takes', async () => {
    // civic-page.js prefetches it while the wasm compiles; core's own GET of
    // the same URL adopts that reply (effects_web.cpp) instead of asking again.
    assert.deepEqual(catalogueAsks, [server.api + 'services.json?locale=zh-CN']);
  });

  await t.test('a tap on the language switch (on the canvas) shows the English names', async () => {
    await tapNode(page, 'lang');
    for (const g of en) await page.getByRole('button', { name: g, exact: true }).waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    for (const g of zh) assert.equal(await page.getByRole('button', { name: g, exact: true }).count(), 0, `${g} is gone`);
    await page.screenshot({ path: screenshotPath('web-smoke-en.png') });
  });

  await t.test('the canvas is rendered at devicePixelRatio 3', async () => {
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    assert.deepEqual(size, { w: 390 * 3, h: 844 * 3, cw: 390, ch: 844 });
  });

  await t.test('no console error and no CSP violation', () => {
    assert.deepEqual(phone.problems(), []);
  });
});
