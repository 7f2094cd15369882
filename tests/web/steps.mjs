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

// Drags the screen with a finger until node `id` is inside it; returns it.
export async function touchScrollTo(page, id, cdp) {
  let n = await byId(page, id);
  const height = page.viewportSize().height;
  for (let i = 0; i < 10 && (n.y + n.h > height - 8 || n.y < 60); i++) {
    const dy = n.y + n.h > height - 8 ? -Math.min(400, n.y + n.h - height + 120) : Math.min(400, 160 - n.y);
    await drag(page, cdp, 200, height / 2, height / 2 + dy);
    await settled(page);
    n = await byId(page, id);
  }
  return n;
}

// Taps the node's centre (scrolling it into view with a drag first when it
// is under the bottom edge), as a finger: imgui_impl_html5's touch events.
export async function touchTap(page, id, cdp) {
  const n = await touchScrollTo(page, id, cdp);
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

// ---- photos: made here, chosen in the phone's chooser, found on the server --

// A JPEG drawn by Chromium in a blank page: a smooth gradient, a red mark in
// the top-left corner, noise in the middle fifth (`noisy`: all over, so it
// stays large after compression — an upload that takes a while).
export async function drawJpeg(context, width, height, { noisy = false } = {}) {
  const page = await context.newPage();
  try {
    const b64 = await page.evaluate(async ({ width, height, noisy }) => {
      const c = new OffscreenCanvas(width, height);
      const g = c.getContext('2d');
      const grad = g.createLinearGradient(0, 0, width, height);
      grad.addColorStop(0, '#3060a0');
      grad.addColorStop(1, '#a0c060');
      g.fillStyle = grad;
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#ff0000';
      g.fillRect(0, 0, width / 10, height / 10);
      const x0 = noisy ? 0 : Math.round(width * 0.4), y0 = noisy ? Math.round(height * 0.1) : Math.round(height * 0.4);
      const w = noisy ? width : Math.round(width * 0.2), h = noisy ? height - y0 : Math.round(height * 0.2);
      const img = g.createImageData(w, h);
      let seed = 12345;
      for (let i = 0; i < img.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        const v = seed >>> 24;
        img.data[i] = v;
        img.data[i + 1] = 255 - v;
        img.data[i + 2] = (v * 7) & 255;
        img.data[i + 3] = 255;
      }
      g.putImageData(img, x0, y0);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }, { width, height, noisy });
    return Buffer.from(b64, 'base64');
  } finally {
    await page.close();
  }
}

// An EXIF APP1 segment (TIFF little endian): IFD0 with Orientation (0x0112)
// and the GPS IFD pointer (0x8825); the GPS IFD with latitude and longitude
// as degrees, minutes, seconds (EXIF 2.3, GPS tags 1–4).
function exifSegment(orientation, lat, lon) {
  const t = Buffer.alloc(140);
  t.write('II', 0, 'ascii');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(8, 4);
  const entry = (at, tag, type, count, value) => {
    t.writeUInt16LE(tag, at);
    t.writeUInt16LE(type, at + 2);
    t.writeUInt32LE(count, at + 4);
    if (type === 3) t.writeUInt16LE(value, at + 8);
    else if (type === 2) t.write(value, at + 8, 'ascii');
    else t.writeUInt32LE(value, at + 8);
  };
  t.writeUInt16LE(2, 8);
  entry(10, 0x0112, 3, 1, orientation);
  entry(22, 0x8825, 4, 1, 38);
  t.writeUInt32LE(0, 34);
  t.writeUInt16LE(4, 38);
  entry(40, 1, 2, 2, 'N\0');
  entry(52, 2, 5, 3, 92);
  entry(64, 3, 2, 2, 'E\0');
  entry(76, 4, 5, 3, 116);
  t.writeUInt32LE(0, 88);
  const dms = (at, deg) => {
    const d = Math.floor(deg), m = Math.floor((deg - d) * 60), s = Math.round(((deg - d) * 60 - m) * 60 * 100);
    [[d, 1], [m, 1], [s, 100]].forEach(([n, den], i) => {
      t.writeUInt32LE(n, at + i * 8);
      t.writeUInt32LE(den, at + i * 8 + 4);
    });
  };
  dms(92, lat);
  dms(116, lon);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(2 + 6 + t.length, 2);
  return Buffer.concat([head, Buffer.from('Exif\0\0', 'binary'), t]);
}

// The JPEG with an EXIF orientation and GPS position put in.
export function withExif(jpeg, orientation, lat, lon) {
  assert.equal(jpeg.readUInt16BE(0), 0xffd8);
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(orientation, lat, lon), jpeg.subarray(2)]);
}

// The APPn segments of a JPEG before its image data, as [marker, first bytes].
export function appSegments(jpeg) {
  const out = [];
  for (let at = 2; at + 4 <= jpeg.length && jpeg[at] === 0xff;) {
    const marker = jpeg[at + 1];
    if (marker === 0xda || marker === 0xd9) break;
    const len = jpeg.readUInt16BE(at + 2);
    if (marker >= 0xe0 && marker <= 0xef) out.push([marker, jpeg.subarray(at + 4, at + 4 + Math.min(8, len - 2)).toString('latin1')]);
    at += 2 + len;
  }
  return out;
}

// Taps "Add photo" on the canvas with a finger and chooses `files` in the
// chooser that tap opens (a browser opens one only inside a user gesture).
export async function touchChoosePhoto(page, cdp, files) {
  const n = await touchScrollTo(page, 'photo/add', cdp);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 30000 }),
    page.touchscreen.tap(n.x + n.w / 2, n.y + n.h / 2),
  ]).catch(async (e) => {
    throw new Error(`no file chooser: ${e.message}\n${JSON.stringify(await nodes(page))}`);
  });
  assert.ok(chooser.isMultiple(), 'several photos can be chosen at once');
  await chooser.setFiles(files);
}

// Photo n of the form is compressed and ready: its info line ("1365×2048，312 KB").
export const photoReady = (page, n) => waitNode(page, (x) => x.id === `photo/${n}/info`, `photo ${n} ready`, 600);

// The one photo the server holds for ticket `number`, as bytes.
export async function serverPhoto(server, number) {
  const r = await fetch(`${server.api}requests/${number}.json`);
  assert.equal(r.status, 200);
  const [ticket] = await r.json();
  assert.equal(ticket.media_urls.length, 1, 'one photo on the ticket');
  const m = await fetch(new URL(ticket.media_urls[0], server.api));
  assert.equal(m.status, 200);
  assert.match(m.headers.get('content-type'), /^image\/jpeg/);
  return Buffer.from(await m.arrayBuffer());
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
