// tests/web/voice.test.mjs — voice memos on a phone (390×844 CSS px at dpr
// 3, touch) against the real civic-server, with Chromium's fake microphone
// (a steady beep; --use-fake-device-for-media-stream) and, for the first
// phone, its permission prompt answered yes (--use-fake-ui-for-media-stream).
// The resident taps "record a voice memo" on the canvas (the microphone is
// asked for inside that tap), speaks for about two seconds while the
// elapsed time counts, taps the big stop button, and the memo's tile shows
// its length; the microphone is released (every track ended); the concern
// is filed, and the server's copy is audio/webm with the EBML magic and a
// real size, listed on the staff's view of the ticket. Then a phone whose
// microphone is refused: the reason is shown in Chinese, in place, and the
// typed description stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPhone } from './harness.mjs';
import { byId, waitNode, staffView, touchTap } from './steps.mjs';

const GROUP = '道路与路灯';
const SERVICE = 'service/streetlight-out';
const DESCRIPTION = '路灯一闪一闪，语音里说了具体位置';
const FAKE_DEVICE = '--use-fake-device-for-media-stream';
const FAKE_YES = '--use-fake-ui-for-media-stream';

let server;

before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

// Every stream getUserMedia hands out, kept so the test can see that each
// track ended (the browser's microphone indicator is off).
async function watchMicrophone(context) {
  await context.addInitScript(() => {
    window.__streams = [];
    const md = navigator.mediaDevices;
    if (!md || !md.getUserMedia) return;
    const real = md.getUserMedia.bind(md);
    md.getUserMedia = async (c) => {
      const s = await real(c);
      window.__streams.push(s);
      return s;
    };
  });
}
const liveTracks = (page) => page.evaluate(() =>
  window.__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState !== 'ended').length);

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

// A finger on the canvas (scrolled into view with a finger drag first).
async function tap(page, id) {
  if (!page.__cdp) page.__cdp = await page.context().newCDPSession(page);
  await touchTap(page, id, page.__cdp);
}

async function openForm(page) {
  await page.goto(server.base);
  const group = await waitNode(page, (n) => n.role === 'button' && n.name === GROUP, `group ${GROUP}`);
  await press(page, group.id);
  await press(page, SERVICE);
  await byId(page, 'voice/record');
}

test('a voice memo: recorded in a tap, timed, stopped, filed, and kept by the server as audio/webm', async (t) => {
  const phone = await openPhone({ locale: 'zh-CN', args: [FAKE_DEVICE, FAKE_YES] });
  try {
    const { page } = phone;
    await watchMicrophone(phone.context);
    await openForm(page);
    await type(page, 'field/description', DESCRIPTION);
    await tap(page, 'voice/record');
    await waitNode(page, (n) => n.id === 'voice/elapsed' && /^正在录音 0:02 \/ 2:00$/.test(n.name), 'two seconds recorded', 600);
    assert.ok(await liveTracks(page) > 0, 'the microphone is on while recording');
    const level = await byId(page, 'voice/level');
    assert.equal(level.role, 'progressbar');
    await tap(page, 'voice/stop');
    const memo = await waitNode(page, (n) => n.id === 'voice/1/info', 'the memo tile');
    // As long as it ran: at least the two seconds seen, less than the cap.
    const [, secs] = memo.name.match(/^语音 1，0:(\d\d)$/) || [];
    assert.ok(Number(secs) >= 2, `the memo's length: ${memo.name}`);
    await page.waitForFunction(() => window.__streams.length > 0 &&
      window.__streams.every((s) => s.getTracks().every((tr) => tr.readyState === 'ended')));
    assert.equal(await liveTracks(page), 0, 'the microphone is released once the memo is kept');
    t.diagnostic(`memo ${memo.name}, ${memo.value}`);

    await press(page, 'field/attribute[problem]/flicker');
    await type(page, 'field/attribute[lights_out]', '1');
    await type(page, 'field/location', '南山区科技园路1号');
    await type(page, 'field/phone', '13800138000');
    await press(page, 'review');
    const count = await byId(page, 'review/voice');
    assert.equal(count.name, '附语音 1 段');
    await press(page, 'submit');
    const number = (await byId(page, 'ticket/number')).name;
    assert.match(number, /^\d{4}-\d{6}$/);

    // The server's copy: what the browser recorded, declared and verified as audio/webm.
    let ticket;
    for (let i = 0; i < 300; i++) {
      const r = await fetch(`${server.api}requests/${number}.json`);
      [ticket] = await r.json();
      if (ticket && ticket.media_urls && ticket.media_urls.length) break;
      await page.waitForTimeout(100);
    }
    assert.equal(ticket.media_urls.length, 1, 'one memo on the ticket');
    const m = await fetch(new URL(ticket.media_urls[0], server.api));
    assert.equal(m.status, 200);
    assert.match(m.headers.get('content-type'), /^audio\/webm/);
    const bytes = Buffer.from(await m.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'EBML magic');
    assert.ok(bytes.length > 4000, `about two seconds of Opus, not a stub: ${bytes.length} bytes`);
    assert.equal(Math.round(bytes.length / 1024), Number(memo.value.replace(/ KB$/, '')), 'the bytes the tile counted');
    t.diagnostic(`server copy: ${bytes.length} bytes of ${m.headers.get('content-type')}`);

    // The staff see it on the ticket, of the same type.
    const staff = await staffView(server, number, 'open');
    assert.ok(staff, 'the ticket is in the staff queue');
    assert.deepEqual(staff.media_urls, ticket.media_urls);
    const again = await fetch(new URL(staff.media_urls[0], server.api));
    assert.match(again.headers.get('content-type'), /^audio\/webm/);
    assert.deepEqual(phone.problems().filter((p) => !p.includes('favicon')), []);
  } finally {
    await phone.close();
  }
});

test('the microphone refused: the reason in Chinese, in place, and the typed text stays', async () => {
  const phone = await openPhone({ locale: 'zh-CN', args: [FAKE_DEVICE] });   // no fake "yes": headless refuses
  try {
    const { page } = phone;
    await watchMicrophone(phone.context);
    await openForm(page);
    await type(page, 'field/description', '夜里路灯全灭，想录语音说明');
    await tap(page, 'voice/record');
    const alert = await waitNode(page, (n) => n.id === 'voice/error', 'the refusal');
    assert.equal(alert.role, 'alert');
    assert.match(alert.name, /没有获得麦克风权限/);
    const d = await byId(page, 'field/description');
    assert.equal(d.value, '夜里路灯全灭，想录语音说明', 'what was typed stays');
    const nodes = await page.evaluate(() => window.civic.nodes());
    assert.ok(!nodes.some((n) => n.id.startsWith('voice/1/')), 'no memo');
    assert.ok(nodes.some((n) => n.id === 'voice/record'), 'the resident can try again');
    assert.equal(await liveTracks(page), 0);
  } finally {
    await phone.close();
  }
});
