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
// typed description stays. And a memo heard back before it is sent: a tap on
// its play button turns it into stop and the position counts up; it plays to
// its end, or is stopped; no <audio> element is left playing and no object
// URL of audio is left unrevoked; after a reload the memo restored with the
// draft plays too. The tap through CDP counts as the user activation mobile
// autoplay rules ask for: no --autoplay-policy flag is given.
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

// Every media element that was asked to play, and every object URL made
// for audio bytes and not yet revoked: what playback leaves behind.
async function watchAudio(context) {
  await context.addInitScript(() => {
    window.__audios = [];
    window.__audioUrls = new Set();
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function () {
      if (!window.__audios.includes(this)) window.__audios.push(this);
      return play.call(this);
    };
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (o) => {
      const u = create(o);
      if (o && /^audio\//.test(o.type || '')) window.__audioUrls.add(u);
      return u;
    };
    URL.revokeObjectURL = (u) => {
      window.__audioUrls.delete(u);
      return revoke(u);
    };
  });
}
const leftPlaying = (page) => page.evaluate(() => ({
  playing: window.__audios.filter((a) => !a.paused && !a.ended).length,
  urls: window.__audioUrls.size,
  inPage: document.querySelectorAll('audio, video').length,
  played: window.__audios.length,
}));

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

test('a memo heard back before sending: play, to its end, stop, and after a reload', async (t) => {
  const phone = await openPhone({ locale: 'zh-CN', args: [FAKE_DEVICE, FAKE_YES] });
  try {
    const { page } = phone;
    await watchMicrophone(phone.context);
    await watchAudio(phone.context);
    await openForm(page);
    await type(page, 'field/description', '路灯闪烁，录了一段语音再听一遍');
    await tap(page, 'voice/record');
    await waitNode(page, (n) => n.id === 'voice/elapsed' && /^正在录音 0:0[2-9] \/ 2:00$/.test(n.name), 'two seconds recorded', 600);
    await tap(page, 'voice/stop');
    const memo = await waitNode(page, (n) => n.id === 'voice/1/info', 'the memo tile');
    const [, length] = memo.name.match(/^语音 1，(0:\d\d)$/) || [];
    assert.ok(length, `the memo's length: ${memo.name}`);
    const play = await byId(page, 'voice/1/play');
    assert.equal(play.role, 'button');
    assert.equal(play.name, '播放语音 1');
    assert.equal((await leftPlaying(page)).played, 0, 'nothing plays before the tap');

    const isStop = (n) => n.id === 'voice/1/play' && n.name === '停止播放语音 1' && n.checked;
    const isPlay = (n) => n.id === 'voice/1/play' && n.name === '播放语音 1' && !n.checked;
    const position = (re) => (n) => n.id === 'voice/1/position' && re.test(n.name);

    await t.test('played to its end by itself', async () => {
      await tap(page, 'voice/1/play');
      await waitNode(page, isStop, 'the button becomes stop', 100);
      const bar = await waitNode(page, position(new RegExp(`^正在播放 0:0[1-9] / ${length}$`)), 'the position counts up', 200);
      assert.equal(bar.role, 'progressbar');
      await waitNode(page, isPlay, 'the button is play again at the end', 300);
      const nodes = await page.evaluate(() => window.civic.nodes());
      assert.ok(!nodes.some((n) => n.id === 'voice/1/position'), 'no position once it ended');
      assert.ok(!nodes.some((n) => n.id === 'voice/1/error'), 'no failure');
      await page.waitForFunction(() => window.__audioUrls.size === 0);
      const left = await leftPlaying(page);
      t.diagnostic(`after the end: ${JSON.stringify(left)}`);
      assert.deepEqual({ playing: left.playing, urls: left.urls, inPage: left.inPage }, { playing: 0, urls: 0, inPage: 0 });
      assert.ok(left.played > 0, 'an <audio> element played');
    });

    await t.test('stopped by the resident', async () => {
      await tap(page, 'voice/1/play');
      await waitNode(page, position(/^正在播放 0:01 \//), 'one second in', 200);
      await tap(page, 'voice/1/play');   // now "stop"
      await waitNode(page, isPlay, 'the button is play again', 100);
      await page.waitForFunction(() => window.__audioUrls.size === 0);
      const left = await leftPlaying(page);
      assert.deepEqual({ playing: left.playing, urls: left.urls, inPage: left.inPage }, { playing: 0, urls: 0, inPage: 0 });
    });

    await t.test('after a reload, the memo kept with the draft plays', async () => {
      await page.reload();
      // Back on the form it was left on (or home offers to continue it).
      const back = await waitNode(page, (n) => n.id === 'voice/1/info' || n.id === 'draft/resume', 'the draft');
      if (back.id === 'draft/resume') await press(page, 'draft/resume');
      await byId(page, 'voice/1/info');
      assert.equal(await page.evaluate(() => !!window.Module.civicPlayerModule), false, 'the player is not loaded yet');
      await tap(page, 'voice/1/play');
      await waitNode(page, position(new RegExp(`^正在播放 0:0[1-9] / ${length}$`)), 'the restored memo plays', 200);
      await tap(page, 'voice/1/play');
      await waitNode(page, isPlay, 'stopped', 100);
      await page.waitForFunction(() => window.__audioUrls.size === 0);
      const left = await leftPlaying(page);
      assert.deepEqual({ playing: left.playing, urls: left.urls, inPage: left.inPage }, { playing: 0, urls: 0, inPage: 0 });
      const d = await byId(page, 'field/description');
      assert.equal(d.value, '路灯闪烁，录了一段语音再听一遍', 'the typed text came back with the memo');
    });
    assert.deepEqual(phone.problems().filter((p) => !p.includes('favicon')), []);
  } finally {
    await phone.close();
  }
});
