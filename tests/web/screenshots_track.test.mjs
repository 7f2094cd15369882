// tests/web/screenshots_track.test.mjs — the phone's screens after filing
// (tests/screens/walk.mjs): the receipt while offline ("waiting for
// network") and delivered, the ticket's live timeline with its deadline,
// rating, my concerns, reopening; in zh-CN and en at 390×844 @3, saved as
// build/screenshots/phone-*.png. Staff changes go through the reference
// server's staff CLI and reach the phone on its event stream.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone } from './harness.mjs';
import { pngSize } from '../kiosk/harness.mjs';
import { phoneDriver } from './screens_driver.mjs';
import { walk, toReview } from '../screens/walk.mjs';

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

test('phone screens from the receipt to reopening, both languages, as PNG', async () => {
  const d = phoneDriver(phone, server);
  await phone.page.goto(server.base);
  await toReview(d);
  const shots = await walk(d, { from: 'receipt-queued' });
  assert.ok(shots.length >= 14, `${shots.length} screenshots`);
  for (const f of shots) assert.deepEqual([pngSize(f).width, pngSize(f).height], [1170, 2532], f);
  // Offline on purpose: the failed fetches of those seconds are expected.
  assert.deepEqual(phone.problems().filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::|offline/i.test(p)), []);
});
