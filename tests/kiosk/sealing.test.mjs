// tests/kiosk/sealing.test.mjs — the kiosk sends the resident's phone number
// only sealed (SECURITY.md, "network observer"), under xvfb-run against a
// real civic-server behind a capture proxy (tests/cli/capture_proxy.mjs):
// nothing the kiosk sent holds the number, the department's staff read it
// back, and the server's key and capabilities are kept in the data
// directory (pins.json, shared with the receipt check; capabilities.json)
// so the next start seals even before the server answers. A pin file the
// kiosk cannot read (larger than the 256 KiB a pin store may be, or not a
// readable file at all) is never written over and nothing is sent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { call, startServer } from '../server/harness.mjs';
import { startCaptureProxy } from '../cli/capture_proxy.mjs';
import { startKiosk } from './harness.mjs';
import { fileConcern } from './session_flow.mjs';

const PHONE = '13987654321';
let server;
let proxy;
let kiosk;
let work;

before(async () => {
  server = await startServer();
  proxy = await startCaptureProxy({ host: '127.0.0.1', port: new URL(server.origin).port });
  work = mkdtempSync(path.join(tmpdir(), 'civic-kiosk-seal-'));
  kiosk = startKiosk({ server: proxy.base, args: ['--lang', 'en', '--data-dir', work, '--idle-seconds', '0'] });
  assert.ok((await kiosk.send('wait group/0 30000')).ok, kiosk.stderr());
});

after(async () => {
  if (kiosk) await kiosk.stop();
  await proxy?.close();
  if (server) await server.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the phone number leaves the kiosk only sealed; the department reads it; the key is kept', async () => {
  const ticket = await fileConcern(kiosk, { description: 'The street light at the east gate is out', phone: PHONE, typeLocation: true });
  const id = ticket.name;
  const wire = proxy.captured();
  assert.match(wire, /POST \/open311\/v2\/requests\.json/);
  assert.match(wire, /sealed_personal=/);
  assert.ok(!wire.includes(PHONE), 'the phone number crossed the network in the clear');

  const pins = JSON.parse(readFileSync(path.join(work, 'pins.json'), 'utf8'));
  assert.deepEqual(pins.pins.map((p) => p.server), [new URL(proxy.base).origin]);
  assert.ok(existsSync(path.join(work, 'capabilities.json')));
  assert.match(readFileSync(path.join(work, 'capabilities.json'), 'utf8'), /sealed_personal/);

  const admin = readFileSync(path.join(server.dir, 'staff-token'), 'utf8').trim();
  const mint = await call(`${server.base}civic/staff/tokens.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${admin}` },
    body: new URLSearchParams({ department: 'urban-management', label: 'kiosk-sealing' }).toString(),
  });
  assert.equal(mint.status, 201, mint.text);
  const read = await call(`${server.base}civic/staff/requests/${id}/personal.json`,
    { headers: { Authorization: `Bearer ${mint.body.token}` } });
  assert.equal(read.status, 200, read.text);
  assert.equal(read.body.phone, PHONE);
});

test('an oversized pin file is refused, left as it was, and nothing is sent', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'civic-kiosk-seal-big-'));
  const big = '{"pins":[' + ' '.repeat(300 * 1024) + ']}';
  writeFileSync(path.join(dir, 'pins.json'), big);
  const before = proxy.captured().length;
  const k2 = startKiosk({ server: proxy.base, args: ['--lang', 'en', '--data-dir', dir, '--idle-seconds', '0'] });
  try {
    assert.ok((await k2.send('wait group/0 30000')).ok, k2.stderr());
    await fileConcern(k2, { description: 'The lamp by the north gate flickers', phone: PHONE, typeLocation: true, noTicket: true });
    assert.ok((await k2.send('wait-text pinned server keys file cannot be read')).ok, JSON.stringify(await k2.nodes()));
    assert.ok(!(await k2.nodes()).some((n) => n.id === 'ticket/number'));
    assert.equal(readFileSync(path.join(dir, 'pins.json'), 'utf8'), big, 'the unreadable pin file was written over');
    assert.ok(!proxy.captured().slice(before).includes('north gate'), 'a concern left with an unreadable pin store');
  } finally {
    await k2.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a pin file that is there but cannot be read is refused, not replaced, and nothing is sent', async () => {
  // As root every mode bit is ignored, so "cannot be read" is a directory
  // where the file should be: opening succeeds, reading fails.
  const dir = mkdtempSync(path.join(tmpdir(), 'civic-kiosk-seal-dir-'));
  mkdirSync(path.join(dir, 'pins.json'));
  const before = proxy.captured().length;
  const k2 = startKiosk({ server: proxy.base, args: ['--lang', 'en', '--data-dir', dir, '--idle-seconds', '0'] });
  try {
    assert.ok((await k2.send('wait group/0 30000')).ok, k2.stderr());
    await fileConcern(k2, { description: 'The lamp by the south gate flickers', phone: PHONE, typeLocation: true, noTicket: true });
    assert.ok((await k2.send('wait-text pinned server keys file cannot be read')).ok, JSON.stringify(await k2.nodes()));
    assert.ok(!(await k2.nodes()).some((n) => n.id === 'ticket/number'));
    assert.ok(statSync(path.join(dir, 'pins.json')).isDirectory(), 'the unreadable pin file was replaced');
    assert.ok(!proxy.captured().slice(before).includes('south gate'), 'a concern left with an unreadable pin store');
  } finally {
    await k2.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
