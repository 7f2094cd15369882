// tests/cli/signin_seal.test.mjs — the `civic` CLI against a real civic-server
// behind a capture proxy (tests/cli/capture_proxy.mjs):
//  - `civic file` sends name, phone and email only inside sealed_personal:
//    no request body holds them in the clear, the queued outbox entry on
//    disk neither, and staff of the ticket's department read them back
//    while another department gets 403;
//  - a changed server key is refused before anything is queued or sent;
//  - `civic signin` (code prompted on stdin, or --send-only then --code),
//    `civic mine` on two devices, `civic file` filed under the account;
//  - `civic signout` revokes the token and wipes the sign-in and ticket
//    list, but keeps (and counts) the undelivered outbox entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, call, startServer } from '../server/harness.mjs';
import { startCaptureProxy } from './capture_proxy.mjs';

const NAME = '王五';
const PHONE = '13912345678';
const EMAIL = 'wangwu.resident@example.cn';
const dirs = [];
let srv;
let other;   // a second server: other keys, as a proxy with its own keys would have
let proxy;
let admin;

before(async () => {
  srv = await startServer({ args: ['--signin-rate', '0', '--otp-resend', '0'] });
  other = await startServer();
  proxy = await startCaptureProxy({ host: '127.0.0.1', port: new URL(srv.origin).port });
  admin = readFileSync(path.join(srv.dir, 'staff-token'), 'utf8').trim();
});
after(async () => {
  await proxy?.close();
  await srv?.stop();
  await other?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dataDir() {
  const d = mkdtempSync(path.join(tmpdir(), 'civic-cli-'));
  dirs.push(d);
  return d;
}

// Asynchronous: the proxy runs in this process and must keep serving.
function civic(dir, args) {
  return new Promise((resolve) => {
    execFile(path.join(bin, 'civic'), ['--server', proxy.base, '--data-dir', dir, '--lang', 'en', ...args],
      { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' }, timeout: 60000 },
      (e, out, err) => resolve({ code: e ? e.code : 0, out, err }));
  });
}

const fileArgs = (description) => ['file', '--service', 'streetlight-out', '--description', description,
  '--lat', '22.5431', '--long', '114.0579', '--attr', 'problem=out', '--attr', 'lights_out=2',
  '--first-name', NAME, '--phone', PHONE, '--email', EMAIL];

// Every spelling of the personal values an observer could search for.
function assertNoPersonal(text, where) {
  const enc = (s) => encodeURIComponent(s);
  for (const v of [PHONE, EMAIL, 'wangwu', NAME, Buffer.from(NAME).toString('latin1'), enc(NAME), enc(EMAIL)])
    assert.ok(!text.includes(v), `${where} holds ${JSON.stringify(v)} in the clear`);
}

async function staffToken(department) {
  const r = await call(`${srv.base}civic/staff/tokens.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${admin}` },
    body: new URLSearchParams({ department, label: 'test' }).toString(),
  });
  assert.equal(r.status, 201, r.text);
  return r.body.token;
}

const signinCode = (phone) =>
  execFileSync(path.join(bin, 'civic-server'), ['signin-code', '--db', srv.db, phone], { encoding: 'utf8' }).trim();

const outboxFiles = (dir) => (existsSync(path.join(dir, 'outbox'))
  ? readdirSync(path.join(dir, 'outbox')).filter((f) => f.endsWith('.entry')) : []);

test('civic file seals name, phone and email: not in any request body, readable by the right staff only', async () => {
  const dir = dataDir();
  proxy.clear();
  const r = await civic(dir, ['--json', ...fileArgs('小区东门路灯连续三晚不亮')]);
  assert.equal(r.code, 0, r.err);
  const id = JSON.parse(r.out).service_request_id;
  const wire = proxy.captured();
  assert.match(wire, /POST \/open311\/v2\/requests\.json/);
  assert.match(wire, /sealed_personal=/);
  assertNoPersonal(wire, 'the captured traffic');
  // The signing key was pinned on first use (by origin, shared with receipts).
  const pins = JSON.parse(readFileSync(path.join(dir, 'pins.json'), 'utf8'));
  assert.equal(pins.pins[0].server, new URL(proxy.base).origin);

  const own = await staffToken('urban-management');
  const foreign = await staffToken('transport');
  const url = `${srv.base}civic/staff/requests/${id}/personal.json`;
  const read = await call(url, { headers: { Authorization: `Bearer ${own}` } });
  assert.equal(read.status, 200, read.text);
  assert.deepEqual([read.body.first_name, read.body.phone, read.body.email], [NAME, PHONE, EMAIL]);
  const denied = await call(url, { headers: { Authorization: `Bearer ${foreign}` } });
  assert.equal(denied.status, 403);
});

test('offline, the concern is sealed with the kept key before it is queued; flush delivers it', async () => {
  const dir = dataDir();
  assert.equal((await civic(dir, ['services'])).code, 0);
  assert.equal((await civic(dir, fileArgs('第一次：路灯不亮'))).code, 0);   // first contact: keys kept
  proxy.state.down = true;
  let r;
  try {
    r = await civic(dir, fileArgs('第二次：路灯仍然不亮'));
  } finally { proxy.state.down = false; }
  assert.equal(r.code, 75, r.err);
  const files = outboxFiles(dir);
  assert.equal(files.length, 1);
  const onDisk = readFileSync(path.join(dir, 'outbox', files[0]), 'latin1');
  assert.match(onDisk, /sealed_personal/);
  assertNoPersonal(onDisk, 'the outbox entry on disk');
  proxy.clear();
  const f = await civic(dir, ['outbox', 'flush']);
  assert.equal(f.code, 0, f.err);
  assertNoPersonal(proxy.captured(), 'the flushed request');
  assert.equal(outboxFiles(dir).length, 0);
});

test('a changed server key is refused before anything is queued or sent', async () => {
  const dir = dataDir();
  assert.equal((await civic(dir, fileArgs('路灯不亮（换钥匙之前）'))).code, 0);
  proxy.state.target = { host: '127.0.0.1', port: new URL(other.origin).port };
  proxy.clear();
  let r;
  try {
    r = await civic(dir, fileArgs('路灯不亮（换钥匙之后）'));
  } finally { proxy.state.target = { host: '127.0.0.1', port: new URL(srv.origin).port }; }
  assert.equal(r.code, 1);
  assert.match(r.err, /signing key has changed/);
  assert.equal(outboxFiles(dir).length, 0, 'nothing queued');
  assert.ok(!/POST \/open311\/v2\/requests\.json/.test(proxy.captured()), 'nothing filed');
  assertNoPersonal(proxy.captured(), 'the traffic to the other server');
});

test('civic signin on two devices, civic file under the account, civic mine on both', async () => {
  const phone = '13955556666';
  const laptop = dataDir();
  // Device 1: the code is asked for, then typed at the prompt.
  const child = spawn(path.join(bin, 'civic'), ['--server', proxy.base, '--data-dir', laptop, '--lang', 'en', 'signin', phone],
    { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  const done = new Promise((resolve) => child.on('exit', resolve));
  await new Promise((resolve) => child.stderr.on('data', (d) => { err += d; if (err.includes('Code: ')) resolve(); }));
  assert.match(err, /A code was sent to 139\*\*\*\*6666/);
  child.stdin.end(`${signinCode(phone)}\n`);
  assert.equal(await done, 0, err);
  assert.match(out, /Signed in as 139\*\*\*\*6666/);
  assert.equal(statSync(path.join(laptop, 'session.json')).mode & 0o777, 0o600);

  const filed = await civic(laptop, ['--json', ...fileArgs('登录后提交：路灯不亮')]);
  assert.equal(filed.code, 0, filed.err);
  const id = JSON.parse(filed.out).service_request_id;
  const anon = await civic(dataDir(), ['--json', ...fileArgs('匿名提交：路灯不亮')]);
  assert.equal(anon.code, 0, anon.err);

  // Device 2: --send-only, then --code.
  const phoneDevice = dataDir();
  const sent = await civic(phoneDevice, ['signin', phone, '--send-only']);
  assert.equal(sent.code, 0, sent.err);
  const wrong = await civic(phoneDevice, ['signin', phone, '--code', String((Number(signinCode(phone)) + 1) % 1e6).padStart(6, '0')]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /4 attempts left/);
  const ok = await civic(phoneDevice, ['signin', phone, '--code', signinCode(phone)]);
  assert.equal(ok.code, 0, ok.err);
  for (const dir of [laptop, phoneDevice]) {
    const mine = await civic(dir, ['--json', 'mine']);
    assert.equal(mine.code, 0, mine.err);
    assert.deepEqual(JSON.parse(mine.out).map((t) => t.service_request_id), [id]);
  }
});

test('civic signout revokes the token, wipes the sign-in and ticket list, and keeps the undelivered concern', async () => {
  const phone = '13977778888';
  const dir = dataDir();
  assert.equal((await civic(dir, ['signin', phone, '--send-only'])).code, 0);
  assert.equal((await civic(dir, ['signin', phone, '--code', signinCode(phone)])).code, 0);
  const token = JSON.parse(readFileSync(path.join(dir, 'session.json'), 'utf8')).access_token;
  assert.equal((await civic(dir, fileArgs('退出前已送达的诉求'))).code, 0);
  assert.ok(readdirSync(path.join(dir, 'tickets')).length >= 1);
  proxy.state.down = true;
  let queued;
  try { queued = await civic(dir, fileArgs('退出前未送达的诉求')); } finally { proxy.state.down = false; }
  assert.equal(queued.code, 75);

  const r = await civic(dir, ['signout']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Signed out/);
  assert.match(r.out, /Kept 1 undelivered concerns in the outbox/);
  assert.ok(!existsSync(path.join(dir, 'session.json')));
  assert.deepEqual(readdirSync(path.join(dir, 'tickets')), []);
  assert.equal(outboxFiles(dir).length, 1, 'the undelivered concern is still queued');
  const revoked = await call(`${srv.base}civic/me/requests.json`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(revoked.status, 401);
  assert.equal(revoked.body[0].message_id, 'signin.token_revoked');
  const mine = await civic(dir, ['mine']);
  assert.equal(mine.code, 1);
  assert.match(mine.err, /sign in/i);
  assert.equal((await civic(dir, ['outbox', 'flush'])).code, 0);
  assert.equal(outboxFiles(dir).length, 0);
});
