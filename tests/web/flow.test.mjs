// tests/web/flow.test.mjs — the whole resident flow of issue 8 on a phone
// (390×844 CSS px at dpr 3, touch) against the real civic-server: file a
// concern typed in Chinese through the text agent and a pinyin IME with a
// photo chosen from a file (by touch: the chooser opens in the tap), watch
// the photo go up on a slowed network (the receipt's progressbar, its
// aria-valuenow seen between 1 and 99, never going back), see the receipt
// with its ticket number and the photo on the server, have staff move it (accept → in progress →
// resolved) with `civic-server staff`, see each new status on screen without
// a reload (the latency is printed, never asserted), and rate it 1–5 with a
// comment. Then the same flow once more with the keyboard alone through the
// accessible DOM layer (Tab, Enter, Space, typing; getByRole to check),
// finding the service through the search box rather than its group.
//
// The form is filled by FORM_STEPS, one row per field, in each of the two
// ways (the photo row by touch only: tests/web/photo.test.mjs has the
// photo editor and the offline upload).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone } from './harness.mjs';
import {
  byId, waitNode, settled, touchTap, touchTypeIme, touchTypeKeys, kbPress, kbType,
  staffMoveAndSee, staffView, serverTickets, drawJpeg, touchChoosePhoto, photoReady, serverPhoto,
} from './steps.mjs';

const GROUP = '道路与路灯';
const SERVICE = 'service/streetlight-out';
const SEARCH = 'street light';                  // the keyboard way finds it by search
const SEARCH_RESULT = 'search/streetlight-out';
const DESCRIPTION = '小区东门路灯连续三晚不亮';
const ADDRESS = '南山区科技园路1号';
const PHONE = '13800138000';
// The photo goes up at this rate (Chromium's network emulation, upload only):
// its ~500 KB take seconds, so the receipt shows the percent moving.
const UPLOAD_BYTES_PER_S = 128 * 1024;
const MOVES = [   // staff status, note, what the ticket screen says
  ['accepted', '已受理，转城管局', '已受理'],
  ['in_progress', '已派维修班组', '处理中'],
  ['resolved', '已更换灯泡', '已办结'],
];

// How one resident acts: with a finger and an IME, or with the keyboard.
function touchWay(page, cdp) {
  return {
    name: 'touch',
    press: (id) => touchTap(page, id, cdp),
    // The service by its group, as a finger browses.
    find: async (groupId) => {
      await touchTap(page, groupId, cdp);
      await touchTap(page, SERVICE, cdp);
    },
    chinese: (id, pinyin, text) => touchTypeIme(page, cdp, id, pinyin, text),
    keys: (id, text) => touchTypeKeys(page, cdp, id, text),
    // A photo from a file, through the phone's chooser; waits until it is made small.
    photo: async (file) => {
      await touchChoosePhoto(page, cdp, file);
      return photoReady(page, 1);
    },
  };
}
function keyboardWay(page) {
  return {
    name: 'keyboard',
    press: async (id) => {
      const n = await byId(page, id);
      await kbPress(page, id, n.role === 'checkbox' ? 'Space' : 'Enter');
    },
    // The service by the search box, in English on the Chinese screen.
    find: async () => {
      await kbType(page, 'search', SEARCH);
      await kbPress(page, SEARCH_RESULT);
    },
    chinese: (id, _pinyin, text) => kbType(page, id, text),
    keys: (id, text) => kbType(page, id, text),
  };
}

// The streetlight form, field by field (insert a photo step here).
const FORM_STEPS = [
  ['description', (w) => w.chinese('field/description', 'xiaoqudongmenludeng', DESCRIPTION)],
  ['problem', (w) => w.press('field/attribute[problem]/out')],
  ['lights out', (w) => w.keys('field/attribute[lights_out]', '2')],
  ['location', (w) => w.chinese('field/location', 'nanshanqukejiyuanlu', ADDRESS)],
  ['photo', async (w) => {
    if (w.photo) w.photoInfo = await w.photo({ name: 'streetlight.jpg', mimeType: 'image/jpeg', buffer: photoJpeg });
  }],
  ['phone', (w) => w.keys('field/phone', PHONE)],
];

let server;
let phone;
let cdp;
let photoJpeg;

before(async () => {
  server = await startServer();
  phone = await openPhone({ locale: 'zh-CN' });
  cdp = await phone.context.newCDPSession(phone.page);
  photoJpeg = await drawJpeg(phone.context, 1600, 1200, { noisy: true });
});

// Slows uploads to UPLOAD_BYTES_PER_S for this page and records every
// aria-valuenow the receipt's progressbar (the accessible layer's twin of
// semantic node ticket/upload) takes. Returns stop(): the network back to
// full speed, and the values seen, in order.
async function watchUpload(page) {
  await page.evaluate(() => {
    const seen = (window.__upload = []);
    const layer = document.getElementById('civic-a11y');
    const look = () => {
      const el = [...layer.querySelectorAll('[role=progressbar]')].find((e) => e.dataset.id === 'ticket/upload');
      const v = el && el.getAttribute('aria-valuenow');
      if (v !== null && v !== undefined && seen[seen.length - 1] !== +v) seen.push(+v);
    };
    window.__uploadWatch = new MutationObserver(look);
    window.__uploadWatch.observe(layer, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: UPLOAD_BYTES_PER_S });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    return page.evaluate(() => {
      window.__uploadWatch.disconnect();
      return window.__upload;
    });
  };
}

after(async () => {
  if (phone) await phone.close();
  if (server) await server.stop();
});

// Files, follows and rates one concern the given way; returns its number.
async function wholeFlow(t, way, stars, comment) {
  const { page } = phone;
  await page.goto(server.base);
  const group = await waitNode(page, (n) => n.role === 'button' && n.name === GROUP, `group ${GROUP}`);
  const before = (await serverTickets(server)).length;
  let number;

  await t.test(`${way.name}: file the concern in Chinese`, async () => {
    await way.find(group.id);
    for (const [, step] of FORM_STEPS) await step(way);
    await way.press('review');
    const stopWatching = way.photoInfo ? await watchUpload(page) : null;
    await way.press('submit');
    number = (await byId(page, 'ticket/number')).name;
    assert.match(number, /^\d{4}-\d{6}$/, 'the ticket number on the receipt');
    if (stopWatching) {
      const seen = await stopWatching();
      console.log(`# upload percents seen on the receipt: ${seen.join(" ")}`);
      assert.ok(seen.some((v) => v >= 1 && v <= 99), `the percent shown while the photo went up: ${seen}`);
      assert.deepEqual(seen, [...seen].sort((a, b) => a - b), 'the percent never went back');
      const got = await serverPhoto(server, number);
      const kb = /(\d+) KB/.exec(way.photoInfo.name);
      assert.ok(kb, `the photo's size on the form: ${way.photoInfo.name}`);
      assert.equal(Math.round(got.length / 1024), +kb[1], 'the server holds the photo the form showed');
    }
    await page.getByRole('heading', { name: number, exact: true }).waitFor({ state: 'attached' });
    const all = await serverTickets(server);
    assert.equal(all.length, before + 1, 'filed exactly once');
    const mine = all.find((x) => x.service_request_id === number);
    assert.equal(mine.description, DESCRIPTION);
    assert.equal(mine.address, ADDRESS);
  });

  await t.test(`${way.name}: each staff move shows on the ticket screen without a reload`, async () => {
    await way.press('follow');
    await waitNode(page, (n) => n.id === 'timeline/1', 'the first timeline entry');
    const navigations = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    for (const [status, note, shown] of MOVES) {
      const ms = await staffMoveAndSee(page, server, number, status, note, shown);
      console.log(`# ${way.name}: ${status} on screen ${ms} ms after civic-server staff returned`);
      await page.getByRole('status').filter({ hasText: note }).first().waitFor({ state: 'attached' });
    }
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), navigations, 'no reload');
  });

  await t.test(`${way.name}: rate it with a comment`, async () => {
    await way.chinese('rate/comment', 'weixiujishi', comment);
    await way.press(`rate/${stars}`);
    await byId(page, 'rated');
    await settled(page);
    const seen = await staffView(server, number, 'closed');
    assert.equal(seen.rating, stars);
    assert.equal(seen.rating_comment, comment);
  });
  return number;
}

test('the whole flow on a phone: by touch and IME, then by keyboard alone', async (t) => {
  const first = await wholeFlow(t, touchWay(phone.page, cdp), 5, '维修及时，很满意');
  const second = await wholeFlow(t, keyboardWay(phone.page), 4, '处理快，但通知晚了');
  assert.notEqual(first, second);
  await t.test('no console error', () => {
    assert.deepEqual(phone.problems().filter((p) => !p.includes('favicon')), []);
  });
});
