// tests/web/screenshots.test.mjs — the phone's screens from home to the
// review page (tests/screens/walk.mjs), in zh-CN and en, in headless
// Chromium at 390×844 CSS px and devicePixelRatio 3, against a real
// civic-server, saved as build/screenshots/phone-*.png (1170×2532) for a
// human to look at. The rest of the walk (receipt to reopening) is
// screenshots_track.test.mjs: two halves keep each test short.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone } from './harness.mjs';
import { pngSize } from '../kiosk/harness.mjs';
import { phoneDriver } from './screens_driver.mjs';
import { walk } from '../screens/walk.mjs';

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

test('phone screens from home to review, both languages, as PNG', async () => {
  const d = phoneDriver(phone, server);
  await phone.page.goto(server.base);
  await d.wait('group/0');
  const shots = await walk(d, { to: 'review' });
  assert.ok(shots.length >= 12, `${shots.length} screenshots`);
  for (const f of shots) assert.deepEqual([pngSize(f).width, pngSize(f).height], [1170, 2532], f);
  assert.deepEqual(phone.problems(), []);
});
