// tests/kiosk/session.test.mjs — a resident's session on the hall kiosk under
// xvfb-run against a real civic-server: the kiosk starts fullscreen, the
// hall's location fills the form, the half-filed draft is on disk only
// sealed, the "still there?" prompt counts down and a touch continues, and
// after the inactivity timeout the next resident finds the clean home
// screen in the hall's language with no trace of the session — not in the
// semantic nodes, not anywhere under the kiosk's data directory (UTF-8 and
// UTF-16). Also: Finish ends a session at once, and the kiosk rides out the
// server going away and coming back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../server/harness.mjs';
import { startKiosk, pngSize, screenshotDir } from './harness.mjs';
import { fileConcern, filesHolding, listFiles, openServiceGroup } from './session_flow.mjs';

const DESCRIPTION = 'Zq7 lamp post by gate B flickers all night';
const PHONE = '13912345678';
let server;
let kiosk;
let dataDir;

before(async () => {
  server = await startServer();
  dataDir = mkdtempSync(path.join(tmpdir(), 'civic-kiosk-'));
  kiosk = startKiosk({
    server: server.base,
    args: ['--lang', 'zh-CN', '--data-dir', dataDir, '--idle-seconds', '6', '--warn-seconds', '4',
      '--hall-location', '22.543,114.057', '--hall-name', '南山区政务服务中心'],
  });
});

after(async () => {
  if (kiosk) await kiosk.stop();
  if (server) await server.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const text = (nodes) => nodes.map((n) => `${n.name}\u0000${n.value}`).join('\n');

test('the kiosk starts fullscreen on the clean home screen, with no countdown', async () => {
  assert.ok((await kiosk.send('wait group/0 30000')).ok, kiosk.stderr());
  const shot = path.join(screenshotDir, 'kiosk-session-start.png');
  assert.ok((await kiosk.send(`screenshot ${shot}`)).ok);
  assert.deepEqual(Object.values(pngSize(shot)).slice(0, 2), [1080, 1920]);
  const nodes = await kiosk.nodes();
  assert.ok(!nodes.some((n) => n.id.startsWith('session/')), 'a prompt before anyone touched the screen');
  assert.ok(!nodes.some((n) => n.id === 'finish'), 'Finish before anyone touched the screen');
});

test('a resident files a concern; the draft on disk is sealed; the session ends by itself', async () => {
  let sealedDraft = null;
  const number = await fileConcern(kiosk, {
    description: DESCRIPTION,
    phone: PHONE,
    beforeSubmit: async () => {
      // The hall's location was offered, so the resident typed none.
      const loc = (await kiosk.nodes()).find((n) => n.id === 'field/location');
      assert.equal(loc.value, '南山区政务服务中心');
      assert.ok((await kiosk.send('wait-idle')).ok);
      const draft = path.join(dataDir, 'session', 'draft.cvs');
      assert.ok(existsSync(draft), 'the half-filed draft is kept on disk');
      sealedDraft = readFileSync(draft);
      assert.equal(sealedDraft.toString('latin1', 0, 4), 'CVS1');
      assert.deepEqual(filesHolding(dataDir, [DESCRIPTION, PHONE]), [], 'the draft is on disk in the clear');
    },
  });
  assert.ok(sealedDraft);
  assert.match(number.name, /\S/);
  // The ticket reached the server, at the hall's coordinates.
  const res = await fetch(`${server.base}requests/${encodeURIComponent(number.name)}.json`);
  const [req] = await res.json();
  assert.equal(Number(req.lat).toFixed(3), '22.543');
  assert.equal(Number(req.long).toFixed(3), '114.057');
  // Nobody touches the screen: first the prompt with the seconds left...
  const prompt = await kiosk.send('wait session/still_there 10000');
  assert.ok(prompt.ok, prompt.error);
  const countdown = (await kiosk.nodes()).find((n) => n.id === 'session/countdown');
  assert.ok(Number(countdown.value) >= 1 && Number(countdown.value) <= 4, `countdown ${countdown.value}`);
  await kiosk.send(`screenshot ${path.join(screenshotDir, 'kiosk-session-still-there.png')}`);
  // ...then the clean start.
  assert.ok((await kiosk.send('wait group/0 10000')).ok);
  assert.ok((await kiosk.send('wait-idle')).ok);
  const nodes = await kiosk.nodes();
  assert.ok(!nodes.some((n) => n.id === 'back' || n.id.startsWith('session/') || n.id === 'my_concerns'),
    `not the clean home screen: ${nodes.map((n) => n.id)}`);
  assert.equal(nodes.find((n) => n.id === 'lang').name, 'English', 'not in the hall language');
  const seen = text(nodes);
  for (const w of [DESCRIPTION, PHONE, number.name]) assert.ok(!seen.includes(w), `${w} still on screen`);
  // Nothing of the session on disk: the sealed draft is gone and no file
  // anywhere holds what the resident typed.
  assert.ok(!existsSync(path.join(dataDir, 'session', 'draft.cvs')));
  assert.deepEqual(filesHolding(dataDir, [DESCRIPTION, PHONE]), []);
  for (const f of listFiles(dataDir)) assert.ok(!readFileSync(f).equals(sealedDraft), `${f} is the old draft`);
});

test('a touch during the prompt continues the session with everything kept', async () => {
  assert.ok((await kiosk.send('tap group/0')).ok);
  assert.ok((await kiosk.send('wait session/continue 10000')).ok);
  assert.ok((await kiosk.send('tap session/continue')).ok);
  assert.ok((await kiosk.send('wait-idle')).ok);
  const nodes = await kiosk.nodes();
  assert.ok(!nodes.some((n) => n.id.startsWith('session/')), 'the prompt stayed');
  assert.ok(nodes.some((n) => n.id === 'back'), 'the resident lost their place');
  assert.ok((await kiosk.send('wait group/0 15000')).ok);   // and it times out again later
});

test('Finish ends the session at once, in the hall language', async () => {
  assert.ok((await kiosk.send('tap lang')).ok);
  assert.ok((await kiosk.send('wait-text 中文')).ok);
  const fin = await kiosk.send('tap finish');
  assert.ok(fin.ok, `${fin.error}: ${JSON.stringify((await kiosk.nodes()).map((n) => n.id))}`);
  const back = await kiosk.send('wait-text English');
  assert.ok(back.ok, JSON.stringify((await kiosk.nodes()).map((n) => [n.id, n.name])));
  assert.ok(!(await kiosk.nodes()).some((n) => n.id === 'finish'));
});

test('the server going away and coming back: the catalogue returns after a retry', async () => {
  const port = new URL(server.origin).port;
  const dir = server.dir;
  await server.stop({ keep: true });
  assert.ok((await kiosk.send('tap lang')).ok);   // refetch in English: no server
  assert.ok((await kiosk.send('wait retry 30000')).ok, 'no retry offered while the server is down');
  server = await startServer({ dir, args: ['--port', port] });
  assert.ok((await kiosk.send('tap retry')).ok);
  assert.ok((await kiosk.send('wait group/0 30000')).ok);
  const groups = (await kiosk.nodes()).filter((n) => n.id.startsWith('group/'));
  assert.ok(groups.length >= 6);
});

test('a concern queued while the server is down stays encrypted after its resident leaves, then is delivered unseen', async () => {
  const DESC = 'Qx9 manhole cover loose at the east gate';
  const PHONE2 = '13787654321';
  assert.ok((await kiosk.send('wait group/0 15000')).ok);
  await openServiceGroup(kiosk, 'streetlight-out');
  assert.ok((await kiosk.send('tap service/streetlight-out')).ok);
  assert.ok((await kiosk.send('wait field/description')).ok);
  for (const line of [`type field/description ${DESC}`, 'tap field/attribute[problem]/out',
    'type field/attribute[lights_out] 2', `type field/phone ${PHONE2}`]) {
    const r = await kiosk.send(line);
    assert.ok(r.ok, `${line}: ${r.error}`);
  }
  const port = new URL(server.origin).port;
  const dir = server.dir;
  await server.stop({ keep: true });               // the network goes away before Submit
  assert.ok((await kiosk.send('tap review')).ok);
  assert.ok((await kiosk.send('wait submit')).ok);
  assert.ok((await kiosk.send('tap submit')).ok);
  assert.ok((await kiosk.send('wait ticket/local_ref 15000')).ok, 'queued: the local reference is shown');
  assert.ok((await kiosk.send('wait session/still_there 15000')).ok, 'the prompt before the end');
  // The end: the home screen in the hall's language (its catalogue waits for the server).
  assert.ok((await kiosk.send('wait-text English')).ok, 'the session ended by itself');
  assert.ok((await kiosk.send('wait-idle')).ok);
  const queued = listFiles(path.join(dataDir, 'outbox')).filter((f) => f.endsWith('.entry'));
  assert.equal(queued.length, 1, 'the concern is still on its way');
  assert.deepEqual(filesHolding(dataDir, [DESC, PHONE2]), [], 'the queued concern is on disk in the clear');

  server = await startServer({ dir, args: ['--port', port] });
  let delivered = false;
  for (let i = 0; i < 120 && !delivered; i++) {
    const all = await (await fetch(`${server.base}requests.json`)).json();
    delivered = all.some((r) => r.description === DESC);
    if (!delivered) await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(delivered, 'delivered once the server is back');
  assert.ok((await kiosk.send('wait-idle')).ok);
  const seen = text(await kiosk.nodes());
  for (const w of [DESC, PHONE2]) assert.ok(!seen.includes(w), `${w} shown to the next resident`);
  assert.ok(!(await kiosk.nodes()).some((n) => n.id === 'my_concerns' || n.id.startsWith('ticket/')));
});
