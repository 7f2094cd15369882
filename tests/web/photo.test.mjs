// tests/web/photo.test.mjs — photos on a phone (390×844 CSS px at dpr 3,
// touch) against the real civic-server: the resident taps "Add photo" on
// the canvas and the browser's file chooser opens in that tap; a JPEG made
// here (stored 2400×1600 with EXIF orientation 6 and a GPS position, a red
// mark in its stored top-left corner, a noisy "number plate" in the middle)
// is compressed in the civic-media worker with a progress bar, turned once
// more and the plate hidden in the editor (WebGL2 preview, a finger drag),
// filed, and the server's copy is checked: upright and turned as edited (the
// red mark bottom-right), the plate pixelated (every block flat), no EXIF or
// GPS left. Then offline: a photo attached and the concern filed with no
// network waits on the receipt, survives a reload (record and photo bytes
// in IndexedDB), and is delivered exactly once, with its photo, when the
// network returns. Every tus chunk carries its SHA-256 (Upload-Checksum).
// And a file that is not a picture is refused in the resident's language,
// with nothing typed lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, openPhone } from './harness.mjs';
import {
  byId, waitNode, settled, serverTickets, drawJpeg, withExif, appSegments, touchChoosePhoto, photoReady,
  serverPhoto as serverPhotoOf,
} from './steps.mjs';

const GROUP = '道路与路灯';
const SERVICE = 'service/streetlight-out';
const DESCRIPTION = '路灯杆被撞歪，车牌已拍下';
const OFFLINE_DESCRIPTION = '地下通道路灯全灭，照片离线拍摄';
const PHONE_NO = '13800138000';

let server;
let phone;
let cdp;

before(async () => {
  server = await startServer();
  phone = await openPhone({ locale: 'zh-CN' });
  cdp = await phone.context.newCDPSession(phone.page);
});

after(async () => {
  if (phone) await phone.close();
  if (server) await server.stop();
});

// ---- the photo, as the server keeps it -----------------------------------

// Pixels of a JPEG decoded by Chromium in a blank page: its size, the mean
// colour of small boxes, and the largest standard deviation (of the sum of
// channels) over the centre windows of the pixelation blocks of `region`.
async function inspectJpeg(context, jpeg, region) {
  const page = await context.newPage();
  try {
    return await page.evaluate(async ({ b64, region }) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      const W = bmp.width, H = bmp.height;
      const px = g.getImageData(0, 0, W, H).data;
      const at = (x, y) => (y * W + x) * 4;
      const mean = (fx, fy) => {
        const cx = Math.round(fx * W), cy = Math.round(fy * H);
        const sum = [0, 0, 0];
        let n = 0;
        for (let y = cy - 5; y <= cy + 5; y++)
          for (let x = cx - 5; x <= cx + 5; x++, n++) for (let k = 0; k < 3; k++) sum[k] += px[at(x, y) + k];
        return sum.map((v) => Math.round(v / n));
      };
      const stddev = (x0, y0, w, h) => {
        let s = 0, s2 = 0, n = 0;
        for (let y = y0; y < y0 + h; y++)
          for (let x = x0; x < x0 + w; x++) {
            const v = px[at(x, y)] + px[at(x, y) + 1] + px[at(x, y) + 2];
            s += v; s2 += v * v; n++;
          }
        return Math.sqrt(Math.max(0, s2 / n - (s / n) ** 2));
      };
      // core/media/redact.cpp: blocks of max(8, ceil-ish(longer side / 6)) from the region's corner.
      const rx = Math.round(region.x0 * W), ry = Math.round(region.y0 * H);
      const rw = Math.round(region.x1 * W) - rx, rh = Math.round(region.y1 * H) - ry;
      const side = Math.max(8, Math.floor((Math.max(rw, rh) + 5) / 6));
      let worst = 0;
      for (let by = ry; by + side <= ry + rh; by += side)
        for (let bx = rx; bx + side <= rx + rw; bx += side) {
          const cx = bx + side / 2, cy = by + side / 2;
          if (cx < 0.42 * W || cx > 0.58 * W || cy < 0.42 * H || cy > 0.58 * H) continue;   // the plate
          worst = Math.max(worst, stddev(Math.round(cx - side / 4), Math.round(cy - side / 4), Math.round(side / 2), Math.round(side / 2)));
        }
      const plate = stddev(Math.round(0.45 * W), Math.round(0.45 * H), Math.round(0.1 * W), Math.round(0.1 * H));
      return { width: W, height: H, topLeft: mean(0.03, 0.03), bottomRight: mean(0.97, 0.97), worst, plate, side };
    }, { b64: jpeg.toString('base64'), region });
  } finally {
    await page.close();
  }
}

// ---- the resident's steps ---------------------------------------------------
// The photo steps are a finger on the canvas (the chooser opens in that tap;
// the editor takes a drag). The rest of the form goes through the accessible
// layer, which is quicker: typing and IMEs are tests/web/flow.test.mjs's.

const nodes = (page) => page.evaluate(() => window.civic.nodes());

// Activates a button or types into a field through its accessible twin.
async function press(page, id) {
  await byId(page, id);
  await page.evaluate((want) => {
    const el = [...document.querySelectorAll('#civic-a11y > *')].find((e) => e.dataset.id === want);
    el.click();
  }, id);
}
async function type(page, id, text) {
  await byId(page, id);
  await page.evaluate(({ want, text }) => {
    const el = [...document.querySelectorAll('#civic-a11y > *')].find((e) => e.dataset.id === want);
    el.value = text;
    el.dispatchEvent(new Event('input'));
  }, { want: id, text });
  await waitNode(page, (n) => n.id === id && n.value === text, `${id} holds ${text}`);
}

// The form of the street-light service, opened from home (a draft kept
// from an earlier test is discarded first: the app restores it on reload).
async function openForm(page) {
  await waitNode(page, (n) => n.id === 'back' || n.id === 'draft/discard' || (n.role === 'button' && n.name === GROUP),
                 'the app, on any screen');
  for (let i = 0; i < 8; i++) {
    await settled(page);
    const pressed = await page.evaluate(() => {
      const el = [...document.querySelectorAll('#civic-a11y > *')];
      const hit = el.find((e) => e.dataset.id === 'draft/discard') || el.find((e) => e.dataset.id === 'back');
      if (hit) hit.click();
      return !!hit;
    });
    if (!pressed) break;
  }
  const group = await waitNode(page, (n) => n.role === 'button' && n.name === GROUP, `group ${GROUP}`);
  await press(page, group.id);
  await press(page, SERVICE);
  await byId(page, 'photo/add');
}

// Drags the screen with a finger until node `id` is well inside it.
async function scrollTo(page, id) {
  const height = page.viewportSize().height;
  let n = await byId(page, id);
  for (let i = 0; i < 10 && (n.y + n.h > height - 60 || n.y < 60); i++) {
    const dy = n.y + n.h > height - 60 ? -Math.min(400, n.y + n.h - height + 160) : Math.min(400, 160 - n.y);
    await fingerDrag(page, 200, height / 2, 200, height / 2 + dy);
    await settled(page);
    n = await byId(page, id);
  }
  return n;
}

const choosePhoto = (page, files) => touchChoosePhoto(page, cdp, files);

// Taps a node on the canvas with a finger (scrolled into view first).
async function tap(page, id) {
  const n = await scrollTo(page, id);
  await page.touchscreen.tap(n.x + n.w / 2, n.y + n.h / 2);
}

// Every frame's nodes with a progress bar, recorded as the page publishes
// them (a fast phone may show the bar for a few frames only).
async function recordProgress(page) {
  await page.evaluate(() => {
    window.__progress = [];
    const page = window.Module.civicPage;
    const publish = page.publish;
    page.publish = function (json, ...rest) {
      if (json.includes('/progress')) window.__progress.push(json);
      return publish.call(this, json, ...rest);
    };
  });
}

async function fillForm(page, description) {
  await type(page, 'field/description', description);
  await press(page, 'field/attribute[problem]/out');
  await type(page, 'field/attribute[lights_out]', '1');
  await type(page, 'field/location', '南山区科技园路1号');
  await type(page, 'field/phone', PHONE_NO);
}

// A finger drag on the canvas, slow enough that it is no flick.
async function fingerDrag(page, x0, y0, x1, y1) {
  const steps = 10;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
  await page.waitForTimeout(50);
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + ((x1 - x0) * i) / steps, y: y0 + ((y1 - y0) * i) / steps }] });
  await page.waitForTimeout(150);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const serverPhoto = (number) => serverPhotoOf(server, number);

// ---- the tests ----------------------------------------------------------------

const REGION = { x0: 0.3, y0: 0.3, x1: 0.7, y1: 0.7 };   // of the edited photo: the plate and around it

test('a photo from the chooser: compressed with progress, turned, the plate hidden, filed without EXIF', async (t) => {
  const { page, context } = phone;
  const jpeg = withExif(await drawJpeg(context, 2400, 1600), 6, 22.5431, 114.0579);
  await page.goto(server.base);
  await openForm(page);
  await recordProgress(page);
  await choosePhoto(page, { name: 'lamp.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  // Upright already (EXIF 6 applied): 1600×2400 at most 2048 on the long side.
  const info = await photoReady(page, 1);
  assert.match(info.name, /^1365×2048，\d+ KB$/);
  assert.ok(await page.evaluate(() => window.__progress.length) > 0, 'a progress bar was drawn while the photo was made small');
  await byId(page, 'photo/1/gps');   // the photo's position is noticed (and offered, not sent)
  await waitNode(page, (n) => n.id === 'photo/1/thumb', 'the thumbnail from the WebGL2 preview');

  await tap(page, 'photo/1/edit');
  await byId(page, 'photo/preview');
  await tap(page, 'photo/rotate_right');
  const p = await waitNode(page, (n) => n.id === 'photo/preview' && n.value.startsWith('旋转 90°'), 'turned once');
  assert.ok(p.w > p.h, 'the preview shows the photo on its side now');
  await fingerDrag(page, p.x + REGION.x0 * p.w, p.y + REGION.y0 * p.h, p.x + REGION.x1 * p.w, p.y + REGION.y1 * p.h);
  await waitNode(page, (n) => n.id === 'photo/preview' && n.value.includes('已遮挡 1 处'), 'one area hidden');
  await tap(page, 'photo/apply');
  await waitNode(page, (n) => n.id === 'photo/1/info' && /^2048×1365，/.test(n.name), 'recompressed as edited');
  t.diagnostic('photo attached and edited');

  await fillForm(page, DESCRIPTION);
  await press(page, 'review');
  const patches = [];
  const seePatch = (r) => { if (r.method() === 'PATCH') patches.push(r); };
  page.on('request', seePatch);
  await press(page, 'submit');
  const number = (await byId(page, 'ticket/number')).name;
  assert.match(number, /^\d{4}-\d{6}$/);

  const got = await serverPhoto(number);
  page.off('request', seePatch);
  // Every tus chunk carried its SHA-256 (loopback is a secure context), so
  // the server could refuse one damaged on the way.
  assert.ok(patches.length > 0, 'the photo went up by tus PATCH');
  for (const r of patches) {
    const body = r.postDataBuffer() || Buffer.alloc(0);
    assert.equal(await r.headerValue('upload-checksum'), 'sha256 ' + createHash('sha256').update(body).digest('base64'),
      `the checksum of the ${body.length}-byte chunk to ${r.url()}`);
  }
  const apps = appSegments(got);
  assert.ok(!apps.some(([m]) => m === 0xe1), `no EXIF (and so no GPS) left: ${JSON.stringify(apps)}`);
  assert.ok(!got.includes(Buffer.from('GPS')), 'no GPS text anywhere');
  const px = await inspectJpeg(context, got, REGION);
  assert.equal(px.width, 2048);
  assert.equal(px.height, 1365);
  const red = ([r, g, b]) => r > 200 && g < 60 && b < 60;
  assert.ok(red(px.bottomRight), `the stored top-left mark is bottom-right after EXIF 6 and a turn: ${px.bottomRight}`);
  assert.ok(!red(px.topLeft), `nothing red top-left: ${px.topLeft}`);
  assert.ok(px.worst < 8, `every pixelation block over the plate is flat (worst deviation ${px.worst.toFixed(1)}, block ${px.side} px)`);
});

test('a file that is not a picture is refused in the resident\'s language; the form keeps what was typed', async () => {
  const { page } = phone;
  await page.goto(server.base);
  await openForm(page);
  await type(page, 'field/description', '路灯不亮');
  await choosePhoto(page, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture at all\n') });
  const alert = await waitNode(page, (n) => n.id === 'photo/1/error', 'the refusal');
  assert.equal(alert.role, 'alert');
  assert.match(alert.name, /这个文件不是图片/);
  const d = await byId(page, 'field/description');
  assert.equal(d.value, '路灯不亮', 'what was typed stays');
  await tap(page, 'photo/1/remove');
  await waitNode(page, (n) => n.id === 'photo/add', 'add photo again');
});

test('offline: filed with a photo, kept over a reload, delivered once with its photo when the network returns', async (t) => {
  const { page, context } = phone;
  const jpeg = withExif(await drawJpeg(context, 1200, 900), 1, 22.5, 114.0);
  await page.goto(server.base);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await openForm(page);
  await choosePhoto(page, { name: 'offline.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await photoReady(page, 1);
  await fillForm(page, OFFLINE_DESCRIPTION);
  const before = (await serverTickets(server)).length;
  await context.setOffline(true);
  await press(page, 'review');
  await press(page, 'submit');
  await waitNode(page, (n) => /等待网络/.test(n.name), 'waiting for network on the receipt');
  t.diagnostic('filed offline');

  await page.reload();
  t.diagnostic('reloaded offline');
  await waitNode(page, (n) => n.role === 'button' && n.name === 'English', 'the app again, offline');
  assert.equal((await serverTickets(server)).length, before, 'nothing delivered while offline');

  await context.setOffline(false);
  let mine;
  for (let i = 0; i < 300 && !mine; i++) {
    mine = (await serverTickets(server)).find((t) => t.description === OFFLINE_DESCRIPTION && t.media_urls && t.media_urls.length);
    if (!mine) await page.waitForTimeout(100);
  }
  assert.ok(mine, 'delivered once the network returned');
  t.diagnostic('delivered');
  await press(page, 'my_concerns');
  await waitNode(page, (n) => n.name.includes(mine.service_request_id), 'the ticket number on screen');
  await settled(page);
  assert.equal((await serverTickets(server)).length, before + 1, 'delivered exactly once');
  const got = await serverPhoto(mine.service_request_id);
  assert.ok(!appSegments(got).some(([m]) => m === 0xe1), 'no EXIF');
  const px = await inspectJpeg(context, got, REGION);
  assert.equal(px.width, 1200);
  assert.equal(px.height, 900);
  assert.deepEqual(phone.problems().filter((p) => !p.includes('favicon') && !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(p)), []);
});
