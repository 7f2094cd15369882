// tests/kiosk/smoke.test.mjs — the kiosk end to end under xvfb-run: it starts
// fullscreen against a real civic-server, shows the service groups fetched
// from it in zh-CN (CJK names in the semantic nodes), switches to English,
// and leaves screenshots of both in build/screenshots/ for a human to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from '../server/harness.mjs';
import { startKiosk, pngSize, screenshotDir } from './harness.mjs';

const CJK = /[\u4e00-\u9fff]/;
let server;
let kiosk;

before(async () => {
  server = await startServer();
  kiosk = startKiosk({ server: server.base, args: ['--lang', 'zh-CN'] });
});

after(async () => {
  if (kiosk) await kiosk.stop();
  if (server) await server.stop();
});

const groupsOf = (nodes) => nodes.filter((n) => n.id.startsWith('group/'));

test('the home screen lists the server\'s groups in Chinese', async () => {
  const r = await kiosk.send('wait group/5 30000');
  assert.ok(r.ok, `groups never appeared: ${r.error} ${kiosk.stderr()}`);
  const nodes = await kiosk.nodes();
  const groups = groupsOf(nodes);
  assert.ok(groups.length >= 6, `expected >= 6 groups, got ${groups.length}`);
  for (const g of groups) {
    assert.equal(g.role, 'button');
    assert.match(g.name, CJK, `group name ${g.name} is not Chinese`);
    assert.ok(g.rect[2] > 0 && g.rect[3] >= 48, `group ${g.id} is not a touch target: ${g.rect}`);
  }
  const lang = nodes.find((n) => n.id === 'lang');
  assert.equal(lang.name, 'English');
  const shot = path.join(screenshotDir, 'kiosk-home-zh-CN.png');
  assert.ok((await kiosk.send(`screenshot ${shot}`)).ok);
  // Fullscreen by default: the frame is the whole Xvfb screen.
  const size = pngSize(shot);
  assert.deepEqual([size.width, size.height], [1080, 1920]);
});

test('switching to English relabels the groups and keeps their order', async () => {
  const zh = groupsOf(await kiosk.nodes());
  assert.ok((await kiosk.send('tap lang')).ok);
  assert.ok((await kiosk.send('wait-text 中文')).ok);   // the switch now offers Chinese
  assert.ok((await kiosk.send('wait-idle 30000')).ok);
  const nodes = await kiosk.nodes();
  const en = groupsOf(nodes);
  assert.deepEqual(en.map((g) => g.id), zh.map((g) => g.id));
  for (const g of en) assert.doesNotMatch(g.name, CJK, `group ${g.id} still Chinese: ${g.name}`);
  assert.ok((await kiosk.send(`screenshot ${path.join(screenshotDir, 'kiosk-home-en.png')}`)).ok);
});

test('a group opens its services and back returns home', async () => {
  assert.ok((await kiosk.send('tap group/0')).ok);
  assert.ok((await kiosk.send('wait back')).ok);
  const nodes = await kiosk.nodes();
  const services = nodes.filter((n) => n.id.startsWith('service/'));
  assert.ok(services.length >= 1);
  assert.ok((await kiosk.send(`screenshot ${path.join(screenshotDir, 'kiosk-group-en.png')}`)).ok);
  assert.ok((await kiosk.send('tap back')).ok);
  assert.ok((await kiosk.send('wait group/0')).ok);
});

// Finds the home card of the group that holds `code` (groups are server-ordered).
async function openServiceGroup(k, code) {
  for (let i = 0; ; i++) {
    const r = await k.send(`tap group/${i}`);
    assert.ok(r.ok, `no group holds ${code}`);
    assert.ok((await k.send('wait back')).ok);
    if ((await k.nodes()).some((n) => n.id === `service/${code}`)) return;
    assert.ok((await k.send('tap back')).ok);
    assert.ok((await k.send('wait group/0')).ok);
  }
}

test('a resident files a concern by touch and gets a ticket number', async () => {
  const shot = (name) => kiosk.send(`screenshot ${path.join(screenshotDir, `kiosk-${name}-en.png`)}`);
  await openServiceGroup(kiosk, 'streetlight-out');
  assert.ok((await kiosk.send('tap service/streetlight-out')).ok);
  assert.ok((await kiosk.send('wait field/description')).ok);
  assert.ok((await kiosk.send('wait-idle')).ok);
  assert.ok((await shot('form')).ok);
  // Next without filling anything: the errors show in place.
  assert.ok((await kiosk.send('tap review')).ok);
  assert.ok((await kiosk.send('wait form/errors')).ok);
  assert.ok((await shot('form-errors')).ok);
  for (const line of [
    'type field/description The street light at the gate has been out for three days',
    'tap field/attribute[problem]/out',
    'type field/attribute[lights_out] 2',
    'type field/location 1 Keji Road, Nanshan',
    'type field/phone 13800138000',
  ]) assert.ok((await kiosk.send(line)).ok, line);
  assert.ok((await kiosk.send('tap review')).ok);
  assert.ok((await kiosk.send('wait submit')).ok, JSON.stringify(await kiosk.nodes()));
  assert.ok((await shot('review')).ok);
  assert.ok((await kiosk.send('tap submit')).ok);
  assert.ok((await kiosk.send('wait ticket/number 30000')).ok);
  const number = (await kiosk.nodes()).find((n) => n.id === 'ticket/number');
  assert.match(number.name, /\S/);
  assert.ok((await shot('receipt')).ok);
  // The server has it.
  const res = await fetch(`${server.base}requests/${encodeURIComponent(number.name)}.json`);
  assert.equal(res.status, 200);
  assert.ok((await kiosk.send('tap follow')).ok);
  assert.ok((await kiosk.send('wait ticket/status')).ok);
  assert.ok((await shot('ticket')).ok);
});

test('phone-sized screenshots (390×844 @3x) in both languages', async () => {
  const phone = startKiosk({ server: server.base, screen: '1280x2600',
    args: ['--windowed', '--size', '1170x2532', '--dpi', '3', '--normal-text'] });
  try {
    for (const lang of ['zh-CN', 'en']) {
      assert.ok((await phone.send('wait group/5 30000')).ok);
      assert.ok((await phone.send('wait-idle')).ok);
      const file = path.join(screenshotDir, `phone-home-${lang}.png`);
      assert.ok((await phone.send(`screenshot ${file}`)).ok);
      assert.deepEqual(Object.values(pngSize(file)).slice(0, 2), [1170, 2532]);
      const groups = (await phone.nodes()).filter((n) => n.id.startsWith('group/'));
      for (const g of groups) assert.ok(g.rect[3] >= 48 * 3, `${g.id} is ${g.rect[3]} px tall at 3x`);
      if (lang === 'zh-CN') {
        assert.ok((await phone.send('tap lang')).ok);
        assert.ok((await phone.send('wait-text 中文')).ok);
      }
    }
  } finally {
    await phone.stop();
  }
});
