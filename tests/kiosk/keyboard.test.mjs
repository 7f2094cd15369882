// tests/kiosk/keyboard.test.mjs — a resident files a concern at the kiosk
// using ONLY the on-screen keyboard: every character goes in through taps on
// key nodes (pinyin with the candidate bar, Latin letters with shift, the
// digit pad), never the automation channel's `type`. Runs under xvfb-run
// against a real civic-server; the server must hold exactly what was tapped.
// Screenshots of the keyboard in both languages land in build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from '../server/harness.mjs';
import { startKiosk, screenshotDir } from './harness.mjs';

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

async function send(line) {
  const r = await kiosk.send(line);
  assert.ok(r.ok, `${line}: ${r.error} ${kiosk.stderr()}`);
  return r;
}
const shot = (name) => send(`screenshot ${path.join(screenshotDir, `kiosk-keyboard-${name}.png`)}`);
const node = async (id) => (await kiosk.nodes()).find((n) => n.id === id);

// Taps one key per character: letters (a–z, and A–Z through shift), digits.
async function tapKeys(text) {
  for (const ch of text) {
    if (ch === ' ') await send('tap key/space');
    else if (/[A-Z]/.test(ch)) {
      await send('tap key/shift');
      await send(`tap key/${ch.toLowerCase()}`);
    } else await send(`tap key/${ch}`);
  }
}

// Types pinyin, then taps candidates (paging when needed) until `word` is in.
async function pinyin(letters, word) {
  await tapKeys(letters);
  let rest = word;
  for (let guard = 0; rest && guard < 40; guard++) {
    const nodes = await kiosk.nodes();
    const cands = nodes.filter((n) => /^cand\/\d+$/.test(n.id));
    const hit = cands.find((c) => c.name === rest) ?? cands.find((c) => rest.startsWith(c.name));
    if (hit) {
      await send(`tap ${hit.id}`);
      rest = rest.slice(hit.name.length);
      continue;
    }
    const next = nodes.find((n) => n.id === 'cand/next');
    assert.ok(next && !next.disabled, `no candidate for ${rest} (${letters}): ${cands.map((c) => c.name)}`);
    await send('tap cand/next');
  }
  assert.equal(rest, '', `${word} was not offered for ${letters}`);
  assert.equal((await node('ime/preedit')).value, '');
}

// Finds the home card of the group that holds `code` (groups are server-ordered).
async function openServiceGroup(code) {
  for (let i = 0; ; i++) {
    await send(`tap group/${i}`);
    await send('wait back');
    if ((await kiosk.nodes()).some((n) => n.id === `service/${code}`)) return;
    await send('tap back');
    await send('wait group/0');
  }
}

test('a resident files a concern with taps on the on-screen keyboard only', async () => {
  await send('wait group/0 30000');
  await openServiceGroup('streetlight-out');
  await send('tap service/streetlight-out');
  await send('wait field/description');
  await send('wait-idle');

  // Chinese by pinyin: the keyboard appears on a tap, in pinyin for zh-CN.
  await send('tap field/description');
  await send('wait key/q');
  assert.ok(await node('key/mode/latin'), 'zh-CN starts in pinyin');
  await pinyin('xiaoqu', '小区');
  await tapKeys('ludeng');
  assert.equal((await node('cand/0')).name, '路灯');
  await shot('pinyin-zh-CN');
  await send('tap key/space');   // Space takes the first candidate
  await pinyin('huaile', '坏了');
  assert.equal((await node('field/description')).value, '小区路灯坏了');

  // Enter goes to the next text field: the number of lights, on the digit pad.
  await send('tap field/attribute[problem]/out');
  await send('tap field/description');
  await send('tap key/enter');
  await send('wait key/1');
  assert.equal(await node('key/q'), undefined, 'a number field gets the digit pad');
  assert.ok((await node('field/attribute[lights_out]')).checked, 'Enter focused the next field');
  await tapKeys('2');
  await shot('digits-zh-CN');

  // English: Latin letters with shift for the address, digits for the phone.
  await send('tap key/hide');
  await send('tap lang');
  await send('wait-text 中文');
  await send('wait-idle 30000');
  await send('tap field/location');
  await send('wait key/q');
  if (await node('key/mode/latin')) await send('tap key/mode/latin');
  await tapKeys('Keji Rd ');
  await send('tap key/mode/digits');
  await tapKeys('1');
  await send('tap key/mode/latin');
  await shot('latin-en');
  await send('tap field/phone');
  await send('wait key/1');
  await tapKeys('138001380000');
  await send('tap key/backspace');
  await shot('digits-en');
  await send('tap key/hide');
  assert.equal((await node('field/location')).value, 'Keji Rd 1');
  assert.equal((await node('field/phone')).value, '13800138000');

  await send('tap review');
  await send('wait submit');
  await send('tap submit');
  await send('wait ticket/number 30000');
  const number = (await node('ticket/number')).name;
  assert.match(number, /\S/);

  // The server holds exactly what was tapped.
  const res = await fetch(`${server.base}requests/${encodeURIComponent(number)}.json`);
  assert.equal(res.status, 200);
  const body = await res.json();
  const req = Array.isArray(body) ? body[0] : body;
  assert.equal(req.description, '小区路灯坏了');
  assert.equal(req.address, 'Keji Rd 1');
});
