// tests/web/offline.test.mjs — a returning resident with no network still
// gets the app: the service worker serves the shell (page, wasm, font) from
// its cache after the server has gone, and the app says plainly that the
// catalogue cannot be fetched instead of showing a browser error page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone, serverGroups } from './harness.mjs';

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

test('the app shell opens offline from the service worker', async () => {
  const { page } = phone;
  const zh = await serverGroups(server.api, 'zh-CN');
  await page.goto(server.base);
  await page.getByRole('button', { name: zh[0], exact: true }).waitFor({ state: 'attached' });
  const active = await page.evaluate(async () => {
    const reg = await window.civic.offlineReady();
    return !!(reg && reg.active);
  });
  assert.ok(active, 'a service worker is active');
  // The worker takes control of the open page (clients.claim) before reload.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);

  await server.stop();   // no network: connections to the origin are refused
  server = null;
  await page.reload();
  await page.getByRole('button', { name: 'English', exact: true }).waitFor({ state: 'attached' });
  await page.getByRole('alert').first().waitFor({ state: 'attached' });
  const nodes = await page.evaluate(() => window.civic.nodes());
  assert.ok(!nodes.some((n) => n.name === zh[0]), 'no catalogue is invented offline');
  const fromCache = await page.evaluate(() =>
    performance.getEntriesByType('navigation').map((e) => e.workerStart > 0)[0]);
  assert.ok(fromCache, 'the page came through the service worker');
});
