// tests/web/video.test.mjs — a video on a phone (390×844 CSS px at dpr 3,
// touch) against the real civic-server. An MP4 made here (a real ISO BMFF:
// ftyp `isom`, moov with an mvhd of 1:05 and Android's udta/©xyz holding
// where it was shot, and 1.5 MB of mdat — more than one 1 MiB tus chunk)
// is chosen in the chooser that a finger's tap on "添加照片或视频" opens (one
// input, image/* and video/*, no `capture`); its tile shows the name, the
// length and the size in MB; it is kept with the draft over a reload (the
// draft in localStorage, the bytes as a Blob in IndexedDB); the concern is
// filed, and the server's copy is video/mp4 of the file's very size and
// frames but without the place (blanked in place by the media worker), its
// SHA-256 the one the page announced, listed on the staff's view of the
// ticket. Then the refusals, in Chinese, in place, with the typed
// description kept: a file named .mp4 that is not an MP4, one whose boxes
// lie so its location cannot be checked, and one over the 20 MB cap (a
// sparse file, never read by the page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, ftruncateSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, openPhone } from './harness.mjs';
import { byId, waitNode, staffView, touchChoosePhoto } from './steps.mjs';
import { makeMp4 } from '../server/mp4.mjs';

const GROUP = '道路与路灯';
const SERVICE = 'service/streetlight-out';
const DESCRIPTION = '路灯杆被车撞倒，视频里拍到了经过';

let server;
let dir;

before(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'civic-video-'));
});
after(async () => {
  if (server) await server.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sha256 = (b) => createHash('sha256').update(b).digest('hex');

// ---- steps -------------------------------------------------------------------

async function press(page, id) {
  await byId(page, id);
  await page.evaluate((want) => {
    [...document.querySelectorAll('#civic-a11y > *')].find((e) => e.dataset.id === want).click();
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
async function openForm(page) {
  await page.goto(server.base);
  const group = await waitNode(page, (n) => n.role === 'button' && n.name === GROUP, `group ${GROUP}`);
  await press(page, group.id);
  await press(page, SERVICE);
  const add = await byId(page, 'photo/add');
  assert.equal(add.name, '添加照片或视频');
}
async function choose(page, files) {
  if (!page.__cdp) page.__cdp = await page.context().newCDPSession(page);
  const input = await page.evaluate(() => document.getElementById('civic-photo-input').accept);
  assert.equal(input, 'image/*,video/*', 'one chooser for photos and videos');
  assert.equal(await page.evaluate(() => document.getElementById('civic-photo-input').hasAttribute('capture')), false,
    'no capture attribute: the phone offers camera and gallery');
  await touchChoosePhoto(page, page.__cdp, files);
}

test('a video: chosen in a tap, its length shown, kept over a reload, filed, and on the server with its frames but not its place', async (t) => {
  const phone = await openPhone({ locale: 'zh-CN' });
  try {
    const { page } = phone;
    const WHERE = '+22.5431+114.0579/';
    const mp4 = makeMp4(1_500_000, 'isom', { xyz: WHERE, durationMs: 65_500 });
    assert.ok(mp4.includes(WHERE), 'the picked file says where it was shot');
    await openForm(page);
    await type(page, 'field/description', DESCRIPTION);
    await choose(page, [{ name: '现场.mp4', mimeType: 'video/mp4', buffer: mp4 }]);
    const tile = await waitNode(page, (n) => n.id === 'video/1/info', 'the video tile', 600);
    assert.equal(tile.name, '视频 1：现场.mp4，1:05，1.4 MB', 'the length, read from mvhd by the worker');
    assert.equal(tile.value, 'video/mp4');
    const remove = await byId(page, 'video/1/remove');
    assert.equal(remove.role, 'button');
    assert.equal(remove.name, '删除视频 1');
    // Stored as picked: the Blob of the file's bytes, under the id the draft
    // names (the draft is saved within 400 ms of a change).
    await page.waitForFunction(() => (localStorage.getItem('civic-draft') || '').includes('"kind":"video"'));
    const stored = await page.evaluate(async () => {
      const d = JSON.parse(localStorage.getItem('civic-draft') || '{}');
      const v = (d.photos || []).find((a) => a.kind === 'video');
      if (!v) return null;
      const db = await new Promise((ok, no) => { const r = indexedDB.open('civic'); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
      const blob = await new Promise((ok, no) => {
        const r = db.transaction('media').objectStore('media').get(v.stored);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      db.close();
      const text = blob ? new TextDecoder('latin1').decode(await blob.arrayBuffer()) : '';
      return { id: v.stored, sha256: v.sha256, blob: blob instanceof Blob, size: blob ? blob.size : 0,
               where: text.includes('+22.54') };
    });
    assert.ok(stored, 'the video is in the saved draft');
    assert.ok(stored.blob, 'kept in IndexedDB as a Blob');
    assert.equal(stored.size, mp4.length, 'blanked in place: the same size');
    assert.notEqual(stored.sha256, sha256(mp4), 'what is kept is not the picked file: its location is out');
    assert.ok(!stored.where, 'no coordinates in the stored Blob');

    await t.test('a reload keeps it', async () => {
      await page.reload();
      const again = await waitNode(page, (n) => n.id === 'video/1/info', 'the video tile after a reload', 600);
      assert.equal(again.name, tile.name);
      assert.equal((await byId(page, 'field/description')).value, DESCRIPTION);
    });

    await press(page, 'field/attribute[problem]/out');
    await type(page, 'field/attribute[lights_out]', '1');
    await type(page, 'field/location', '南山区科技园路1号');
    await type(page, 'field/phone', '13800138000');
    await press(page, 'review');
    assert.equal((await byId(page, 'review/videos')).name, '附视频 1 段');
    await press(page, 'submit');
    const number = (await byId(page, 'ticket/number')).name;
    assert.match(number, /^\d{4}-\d{6}$/);

    let ticket;
    for (let i = 0; i < 300; i++) {
      const r = await fetch(`${server.api}requests/${number}.json`);
      [ticket] = await r.json();
      if (ticket && ticket.media_urls && ticket.media_urls.length) break;
      await page.waitForTimeout(100);
    }
    assert.equal(ticket.media_urls.length, 1, 'one video on the ticket');
    const m = await fetch(new URL(ticket.media_urls[0], server.api));
    assert.equal(m.status, 200);
    assert.match(m.headers.get('content-type'), /^video\/mp4/);
    const bytes = Buffer.from(await m.arrayBuffer());
    assert.equal(bytes.length, mp4.length, 'the whole file, over two tus chunks');
    assert.equal(sha256(bytes), stored.sha256, 'the very bytes the page hashed and announced');
    assert.ok(!bytes.includes('+22.54'), 'the place it was shot never reached the server');
    assert.ok(!bytes.includes(Buffer.from('\xa9xyz', 'latin1')), 'the ©xyz box is now a free box');
    const frames = mp4.length - 1_500_000;
    assert.ok(bytes.subarray(frames).equals(mp4.subarray(frames)), 'the frames (mdat) are the very bytes: not recompressed');
    t.diagnostic(`server copy: ${bytes.length} bytes of ${m.headers.get('content-type')}`);

    const staff = await staffView(server, number, 'open');
    assert.ok(staff, 'the ticket is in the staff queue');
    assert.deepEqual(staff.media_urls, ticket.media_urls);
    const again = await fetch(new URL(staff.media_urls[0], server.api));
    assert.match(again.headers.get('content-type'), /^video\/mp4/);
    assert.deepEqual(phone.problems().filter((p) => !p.includes('favicon')), []);
  } finally {
    await phone.close();
  }
});

test('a video that cannot go: the reason in Chinese, in place, and the typed text stays', async () => {
  const phone = await openPhone({ locale: 'zh-CN' });
  const big = join(dir, '夜间施工全程.mp4');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 21 * 1024 * 1024 + 1);   // sparse: costs no disk, and the page never reads it
  closeSync(fd);
  try {
    const { page } = phone;
    await openForm(page);
    await type(page, 'field/description', '工地夜间施工，拍了视频');
    await choose(page, [{ name: 'x.mp4', mimeType: 'video/mp4', buffer: Buffer.from('这不是视频，只是一段文字。'.repeat(20)) }]);
    let alert = await waitNode(page, (n) => n.id === 'photo/error', 'the refusal');
    assert.equal(alert.role, 'alert');
    assert.equal(alert.name, '文件 x.mp4 不是可用的视频（MP4、MOV 或 WebM），请重新选择');

    // moov's udta claims more bytes than moov holds: its ©xyz cannot be
    // found for sure, so the video is not attached (privacy first).
    const lying = makeMp4(2000, 'isom', { xyz: '+22.5431+114.0579/' });
    const udta = lying.indexOf('udta') - 4;
    lying.writeUInt32BE(lying.readUInt32BE(udta) + 100, udta);
    await choose(page, [{ name: '现场.mp4', mimeType: 'video/mp4', buffer: lying }]);
    alert = await waitNode(page, (n) => n.id === 'photo/error' && n.name.includes('位置'), 'the location refusal');
    assert.equal(alert.name, '无法检查视频 现场.mp4 中的位置信息，为保护隐私未添加。请重新选择或换一段视频');

    await choose(page, [big]);
    alert = await waitNode(page, (n) => n.id === 'photo/error' && n.name.includes('太大'), 'the size refusal');
    assert.equal(alert.name, '视频 夜间施工全程.mp4 太大（21.1 MB），每段最多 20 MB。请剪短后再添加');

    assert.equal((await byId(page, 'field/description')).value, '工地夜间施工，拍了视频', 'what was typed stays');
    const nodes = await page.evaluate(() => window.civic.nodes());
    assert.ok(!nodes.some((n) => n.id.startsWith('video/1/')), 'no video kept');
    // Nothing of the refused files is left in IndexedDB (MediaForget runs
    // after the refusal is drawn: give it a moment).
    const kept = () => page.evaluate(async () => {
      const db = await new Promise((ok, no) => { const r = indexedDB.open('civic'); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
      const keys = await new Promise((ok, no) => {
        const r = db.transaction('media').objectStore('media').getAllKeys();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      db.close();
      return keys.filter((k) => String(k).startsWith('vid-'));
    });
    let left = await kept();
    for (let i = 0; i < 50 && left.length; i++) {
      await page.waitForTimeout(100);
      left = await kept();
    }
    assert.deepEqual(left, [], 'the refused bytes are forgotten');
  } finally {
    await phone.close();
  }
});
