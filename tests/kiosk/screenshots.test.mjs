// tests/kiosk/screenshots.test.mjs — every kiosk screen (tests/screens/
// walk.mjs) in zh-CN and en on the 1080×1920 hall screen under xvfb-run,
// against a real civic-server, saved as build/screenshots/kiosk-*.png for a
// human to look at; then the kiosk left idle must present no frame at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from '../server/harness.mjs';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startKiosk, pngSize, screenshotDir, bin, sourceDir } from './harness.mjs';
import { walk, staffUpdate } from '../screens/walk.mjs';

let server;
let kiosk;

let photos;

before(async () => {
  server = await startServer();
  // The document camera's folder, holding one phone photo (EXIF orientation 6, GPS).
  photos = mkdtempSync(path.join(tmpdir(), 'civic-shots-photos-'));
  copyFileSync(path.join(sourceDir, 'tests/core/media_fixtures/exif_gps.jpg'), path.join(photos, 'scan-001.jpg'));
  kiosk = startKiosk({ server: server.base, args: ['--lang', 'zh-CN', '--photo-dir', photos] });
});

after(async () => {
  if (kiosk) await kiosk.stop();
  if (server) await server.stop();
  if (photos) rmSync(photos, { recursive: true, force: true });
});

async function send(line) {
  const r = await kiosk.send(line);
  assert.ok(r.ok, `${line}: ${r.error}\n${kiosk.stderr()}`);
  return r;
}

const driver = {
  kind: 'kiosk',
  language: 'zh-CN',
  lang() { return this.language; },
  nodes: () => kiosk.nodes(),
  async node(id) { return (await kiosk.nodes()).find((n) => n.id === id); },
  // A tap completes with the frame that applies it; the next screen's nodes
  // may come a frame later: wait for the node first, as the phone's driver does.
  async tap(id) { await send(`wait ${id} 20000`); return send(`tap ${id}`); },
  async type(id, text) { await send(`wait ${id} 20000`); return send(`type ${id} ${text}`); },
  wait: (id) => send(`wait ${id} 20000`),
  waitText: (text) => send(`wait-text ${text}`),
  idle: () => send('wait-idle 20000'),
  scroll: (id) => send(`scroll ${id}`),
  drag: (id, ...at) => send(`drag ${id} ${at.join(' ')}`),
  advance: (ms) => send(`advance ${ms}`),
  async ticket() { return (await this.node('ticket/number')).name; },
  staff: (id, status, note) => staffUpdate(bin, { api: server.base, dir: server.dir }, id, status, note),
  async offline() {
    this.port = new URL(server.origin).port;
    await server.stop({ keep: true });
  },
  async online() {
    server = await startServer({ dir: server.dir, args: ['--port', this.port] });
  },
  // The kiosk polls (plain Open311): run its clock to the next poll until
  // the ticket screen shows `text`; the resident is touching the screen.
  async catchUp(text) {
    for (let i = 0; i < 12; i++) {
      await send('advance 16000 touched');
      await send('wait-idle 20000');
      const nodes = await kiosk.nodes();
      if (nodes.some((n) => n.name.includes(text) || n.value.includes(text))) return;
    }
    assert.fail(`the kiosk never showed "${text}": ${JSON.stringify(await kiosk.nodes())}`);
  },
  async switchLanguage() {
    const next = this.language === 'zh-CN' ? 'en' : 'zh-CN';
    await send('tap lang');
    await send(`wait-text ${next === 'en' ? '中文' : 'English'}`);   // the switch offers the other one
    await send('wait-idle 20000');
    this.language = next;
  },
  async shoot(name) {
    const file = path.join(screenshotDir, name);
    await send(`screenshot ${file}`);
    return file;
  },
};

test('every kiosk screen in both languages, as PNG', async () => {
  await send('wait group/0 30000');
  const shots = await walk(driver);
  assert.ok(shots.length >= 30, `${shots.length} screenshots`);
  for (const f of shots) assert.deepEqual([pngSize(f).width, pngSize(f).height], [1080, 1920], f);
});

test('idle: no frame is presented while nothing changes', async () => {
  await send('tap back').catch(() => {});
  await send('wait-idle 20000');
  const before = (await send('frames')).frames;
  await new Promise((r) => setTimeout(r, 2000));
  const after = (await send('frames')).frames;
  console.log(`kiosk idle: ${after - before} frames presented in 2 s`);
  assert.equal(after - before, 0, 'frames drawn while idle');
});
