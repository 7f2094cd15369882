// tests/server/signin.test.mjs — verified sign-in with one-time codes against
// the real civic-server on loopback: the code reaches the resident through
// the development log, `civic-server signin-code` and an --sms-command
// program; wrong, expired and locked codes; per-phone and per-client rate
// limits; token expiry and revocation; a resident sees only their own
// concerns; anonymous filing stays available. Expiry is made deterministic
// with --otp-ttl 0 / --token-ttl 0 (expired at once), never by sleeping.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, call, form, goodFields, startServer } from './harness.mjs';

let srv;
before(async () => { srv = await startServer({ args: ['--otp-resend', '0', '--signin-rate', '0'] }); });
after(async () => { await srv?.stop(); });

const bearer = (token, init = {}) => ({ ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}` } });

function signinCode(s, phone) {
  return new Promise((resolve) => {
    execFile(path.join(bin, 'civic-server'), ['signin-code', '--db', s.db, phone], { env: { ...process.env, CIVIC_LANG: 'en' } },
      (err, stdout, stderr) => resolve({ code: err ? err.code : 0, out: stdout.trim(), err: stderr }));
  });
}

async function askCode(s, phone) {
  const r = await call(`${s.base}civic/signin/code.json`, form([['phone', phone]]));
  assert.equal(r.status, 202, r.text);
  return r;
}

async function signIn(s, phone) {
  await askCode(s, phone);
  const c = await signinCode(s, phone);
  assert.equal(c.code, 0, c.err);
  const v = await call(`${s.base}civic/signin/verify.json`, form([['phone', phone], ['code', c.out]]));
  assert.equal(v.status, 200, v.text);
  return v.body;
}

// goodFields() with its own description.
const concern = (description, extra = []) => goodFields(extra).map(([k, v]) => [k, k === 'description' ? description : v]);
const wrongCode = (code) => String((Number(code) + 1) % 1000000).padStart(6, '0');

test('a code is issued, logged, read back by civic-server signin-code, and verified once into a bearer token', async () => {
  const phone = '13900001111';
  const r = await askCode(srv, phone);
  assert.deepEqual({ phone: r.body.phone, len: r.body.code_length, ttl: r.body.expires_in, delivery: r.body.delivery },
    { phone: '139****1111', len: 6, ttl: 300, delivery: 'development' });
  const c = await signinCode(srv, '139 0000 1111');   // any spelling core/forms accepts
  assert.equal(c.code, 0, c.err);
  assert.match(c.out, /^\d{6}$/);
  assert.match(srv.stderr(), new RegExp(`sign-in code for 139\\*\\*\\*\\*1111: ${c.out}`));
  const v = await call(`${srv.base}civic/signin/verify.json`, form([['phone', phone], ['code', c.out]]));
  assert.equal(v.status, 200, v.text);
  assert.equal(v.body.token_type, 'Bearer');
  assert.match(v.body.access_token, /^crt_[0-9a-f]{64}$/);
  assert.equal(v.body.expires_in, 1800);
  assert.match(v.body.account_id, /^acct_[0-9a-f]{24}$/);
  // Used once: the same code again is refused, and signin-code has nothing pending.
  const again = await call(`${srv.base}civic/signin/verify.json`, form([['phone', phone], ['code', c.out]]));
  assert.equal(again.status, 401);
  assert.equal(again.body[0].message_id, 'signin.no_code');
  assert.equal((await signinCode(srv, phone)).code, 1);
  // Signing in again with the same phone reaches the same account.
  const second = await signIn(srv, phone);
  assert.equal(second.account_id, v.body.account_id);
  assert.notEqual(second.access_token, v.body.access_token);
});

test('the database holds neither the phone, the code nor the token in the clear', async () => {
  const phone = '13900002222';
  const t = await signIn(srv, phone);
  const code = (await call(`${srv.base}civic/signin/code.json`, form([['phone', phone]]))).status;
  assert.equal(code, 202);
  const pending = (await signinCode(srv, phone)).out;
  const bytes = ['civic.db', 'civic.db-wal'].filter((f) => existsSync(path.join(srv.dir, f)))
    .map((f) => readFileSync(path.join(srv.dir, f)).toString('latin1')).join('');
  assert.ok(!bytes.includes(phone), 'phone in the database');
  assert.ok(!bytes.includes(t.access_token), 'token in the database');
  // The pending code is kept in clear only for development delivery (no --sms-command).
  assert.ok(bytes.includes(pending));
});

test('wrong codes count down and lock the code after 5 attempts; the right code then fails too', async () => {
  const phone = '13900003333';
  await askCode(srv, phone);
  const good = (await signinCode(srv, phone)).out;
  const bad = wrongCode(good);
  for (let left = 4; left >= 1; left--) {
    const r = await call(`${srv.base}civic/signin/verify.json`, form([['phone', phone], ['code', bad]]));
    assert.equal(r.status, 401, r.text);
    assert.equal(r.body[0].message_id, 'signin.code_wrong');
    assert.equal(r.body[0].params.attempts_left, String(left));
  }
  const fifth = await call(`${srv.base}civic/signin/verify.json`, form([['phone', phone], ['code', bad]]));
  assert.equal(fifth.status, 403);
  assert.equal(fifth.body[0].message_id, 'signin.code_locked');
  const right = await call(`${srv.base}civic/signin/verify.json`, form([['phone', phone], ['code', good]]));
  assert.equal(right.status, 403);
  assert.equal(right.body[0].message_id, 'signin.code_locked');
  assert.equal((await signinCode(srv, phone)).code, 1, 'a locked code is no longer shown');
  // A new code works again.
  const t = await signIn(srv, phone);
  assert.match(t.access_token, /^crt_/);
});

test('bad requests get a clear 4xx and issue nothing', async () => {
  const rows = [
    { name: 'not a phone number', path: 'code', fields: [['phone', 'abc']], status: 400, id: 'forms.phone_invalid' },
    { name: 'a landline cannot receive SMS', path: 'code', fields: [['phone', '0755-23456789']], status: 400, id: 'signin.phone_not_mobile' },
    { name: 'missing phone', path: 'code', fields: [], status: 400, id: 'forms.phone_invalid' },
    { name: 'unknown field', path: 'code', fields: [['phone', '13900004444'], ['x', '1']], status: 400, id: 'server.unknown_field' },
    { name: 'code of 5 digits', path: 'verify', fields: [['phone', '13900004444'], ['code', '12345']], status: 400, id: 'signin.code_format' },
    { name: 'code with letters', path: 'verify', fields: [['phone', '13900004444'], ['code', '12a456']], status: 400, id: 'signin.code_format' },
    { name: 'verify without any code issued', path: 'verify', fields: [['phone', '13900004444'], ['code', '123456']], status: 401, id: 'signin.no_code' },
  ];
  for (const row of rows) {
    const r = await call(`${srv.base}civic/signin/${row.path}.json`, form(row.fields));
    assert.equal(r.status, row.status, `${row.name}: ${r.text}`);
    assert.equal(r.body[0].message_id, row.id, row.name);
  }
  assert.equal((await signinCode(srv, '13900004444')).code, 1);
});

test('tokens: 401 without, with an unknown, a revoked or an expired one; sign-out revokes', async () => {
  const t = await signIn(srv, '13900005555');
  const mine = `${srv.base}civic/me/requests.json`;
  assert.equal((await call(mine, bearer(t.access_token))).status, 200);
  const none = await call(mine);
  assert.equal(none.status, 401);
  assert.equal(none.body[0].message_id, 'signin.token_missing');
  assert.match(none.headers.get('www-authenticate'), /^Bearer /);
  const unknown = await call(mine, bearer('crt_' + '0'.repeat(64)));
  assert.equal(unknown.body[0].message_id, 'signin.token_invalid');
  const out = await call(`${srv.base}civic/signout.json`, bearer(t.access_token, { method: 'POST' }));
  assert.equal(out.status, 204, out.text);
  const revoked = await call(mine, bearer(t.access_token));
  assert.equal(revoked.status, 401);
  assert.equal(revoked.body[0].message_id, 'signin.token_revoked');
  const twice = await call(`${srv.base}civic/signout.json`, bearer(t.access_token, { method: 'POST' }));
  assert.equal(twice.status, 401);
  // A revoked token cannot file either (it is refused, not silently anonymous).
  const filed = await call(`${srv.base}requests.json`, bearer(t.access_token, form(goodFields())));
  assert.equal(filed.status, 401);
});

test('a resident sees only their own concerns, across devices; anonymous filing stays available', async () => {
  const a1 = await signIn(srv, '13900006666');
  const a2 = await signIn(srv, '13900006666');       // the same resident on a second device
  const b = await signIn(srv, '13900007777');
  const filedA = await call(`${srv.base}requests.json`, bearer(a1.access_token, form(concern('甲的诉求：路灯不亮'))));
  assert.equal(filedA.status, 201, filedA.text);
  assert.equal(filedA.body[0].account_id, a1.account_id);
  const filedB = await call(`${srv.base}requests.json`, bearer(b.access_token, form(concern('乙的诉求：路灯闪烁'))));
  assert.equal(filedB.status, 201, filedB.text);
  const anon = await call(`${srv.base}requests.json`, form(concern('匿名诉求：路灯坏了')));
  assert.equal(anon.status, 201, anon.text);
  assert.equal(anon.body[0].account_id, null);

  const mineA = await call(`${srv.base}civic/me/requests.json`, bearer(a2.access_token));
  assert.equal(mineA.status, 200, mineA.text);
  assert.deepEqual(mineA.body.map((t) => t.service_request_id), [filedA.body[0].service_request_id]);
  assert.equal(mineA.body[0].token, filedA.body[0].token, 'the ticket token travels so the other device can rate it');
  assert.equal(mineA.body[0].phone, undefined, 'no personal field in the list');
  const mineB = await call(`${srv.base}civic/me/requests.json`, bearer(b.access_token));
  assert.deepEqual(mineB.body.map((t) => t.service_request_id), [filedB.body[0].service_request_id]);

  // account_id is the server's: a form may not claim someone else's.
  const claim = await call(`${srv.base}requests.json`, bearer(b.access_token, form(goodFields([['account_id', a1.account_id]]))));
  assert.equal(claim.status, 403);
  assert.equal(claim.body[0].message_id, 'signin.account_mismatch');
  const anonClaim = await call(`${srv.base}requests.json`, form(goodFields([['account_id', a1.account_id]])));
  assert.equal(anonClaim.status, 403);
  const after = await call(`${srv.base}civic/me/requests.json`, bearer(a1.access_token));
  assert.equal(after.body.length, 1);
});

test('the capabilities document advertises sign-in', async () => {
  const r = await call(`${srv.base}civic/capabilities.json`);
  const s = r.body.extensions.signin;
  assert.equal(s.method, 'sms_otp');
  assert.equal(s.request_code, `${srv.base}civic/signin/code.json`);
  assert.equal(s.my_requests, `${srv.base}civic/me/requests.json`);
  assert.equal(s.code_length, 6);
  assert.equal(s.anonymous_filing, true);
});

test('expiry: --otp-ttl 0 codes and --token-ttl 0 tokens are refused as expired', async () => {
  const s = await startServer({ args: ['--otp-ttl', '0', '--signin-rate', '0'] });
  try {
    const phone = '13900008888';
    await askCode(s, phone);
    const c = await signinCode(s, phone);
    assert.equal(c.code, 1, 'an expired code is not shown');
    const raw = s.stderr().match(/sign-in code for 139\*\*\*\*8888: (\d{6})/)[1];
    const v = await call(`${s.base}civic/signin/verify.json`, form([['phone', phone], ['code', raw]]));
    assert.equal(v.status, 401);
    assert.equal(v.body[0].message_id, 'signin.code_expired');
  } finally { await s.stop(); }
  const t = await startServer({ args: ['--token-ttl', '0', '--signin-rate', '0'] });
  try {
    const tok = await signIn(t, '13900009999');
    const r = await call(`${t.base}civic/me/requests.json`, bearer(tok.access_token));
    assert.equal(r.status, 401);
    assert.equal(r.body[0].message_id, 'signin.token_expired');
  } finally { await t.stop(); }
});

test('rate limits: one code per phone per resend window, and per client; 429 with Retry-After', async () => {
  const s = await startServer({ args: ['--signin-rate', '3'] });
  try {
    const first = await call(`${s.base}civic/signin/code.json`, form([['phone', '13700001111']]));
    assert.equal(first.status, 202);
    const again = await call(`${s.base}civic/signin/code.json`, form([['phone', '13700001111']]));
    assert.equal(again.status, 429, again.text);
    assert.equal(again.body[0].message_id, 'signin.too_soon');
    const wait = Number(again.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    const third = await call(`${s.base}civic/signin/code.json`, form([['phone', '13700002222']]));
    assert.equal(third.status, 202, 'another phone is not held up by the first one');
    const fourth = await call(`${s.base}civic/signin/code.json`, form([['phone', '13700003333']]));
    assert.equal(fourth.status, 429, 'the client has used its 3 tries this minute');
    assert.equal(fourth.body[0].message_id, 'signin.too_many');
    assert.ok(Number(fourth.headers.get('retry-after')) >= 1);
  } finally { await s.stop(); }
});

test('at most 5 codes per phone per hour, even with no resend wait', async () => {
  const phone = '13700009999';
  for (let i = 0; i < 5; i++) await askCode(srv, phone);      // srv runs with --otp-resend 0
  const sixth = await call(`${srv.base}civic/signin/code.json`, form([['phone', phone]]));
  assert.equal(sixth.status, 429, sixth.text);
  assert.equal(sixth.body[0].message_id, 'signin.too_soon');
  const wait = Number(sixth.headers.get('retry-after'));
  assert.ok(wait > 3000 && wait <= 3600, `Retry-After ${wait}`);
  // Only the latest code counts: the 5th is still pending and works.
  const v = await call(`${srv.base}civic/signin/verify.json`, form([['phone', phone], ['code', (await signinCode(srv, phone)).out]]));
  assert.equal(v.status, 200, v.text);
});

test('--sms-command gets the phone and code in its environment; the code is then kept nowhere in clear', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'civic-sms-'));
  const sent = path.join(dir, 'sent.txt');
  const script = path.join(dir, 'send-sms');
  writeFileSync(script, `#!/bin/sh\nprintf '%s %s %s\\n' "$CIVIC_SIGNIN_PHONE" "$CIVIC_SIGNIN_CODE" "$CIVIC_SIGNIN_TTL" >> '${sent}'\n`);
  chmodSync(script, 0o755);
  const failing = path.join(dir, 'broken-gateway');
  writeFileSync(failing, '#!/bin/sh\nexit 3\n');
  chmodSync(failing, 0o755);
  const s = await startServer({ args: ['--sms-command', script, '--signin-rate', '0'] });
  try {
    const phone = '+85261234567';
    const r = await askCode(s, phone);
    assert.equal(r.body.delivery, 'sms');
    const [p, code, ttl] = readFileSync(sent, 'utf8').trim().split(' ');
    assert.deepEqual([p, ttl], [phone, '300']);
    assert.match(code, /^\d{6}$/);
    assert.ok(!s.stderr().includes(code), 'not written to the log when an SMS gateway is configured');
    assert.equal((await signinCode(s, phone)).code, 1, 'not kept for signin-code either');
    const v = await call(`${s.base}civic/signin/verify.json`, form([['phone', phone], ['code', code]]));
    assert.equal(v.status, 200, v.text);
    // A shell metacharacter in the phone never reaches a shell: core/forms refuses it first.
    const evil = await call(`${s.base}civic/signin/code.json`, form([['phone', '13800138000; touch /tmp/pwned']]));
    assert.equal(evil.status, 400);
  } finally { await s.stop(); }
  const b = await startServer({ args: ['--sms-command', failing, '--signin-rate', '0'] });
  try {
    const r = await call(`${b.base}civic/signin/code.json`, form([['phone', '13600001111']]));
    assert.equal(r.status, 502, r.text);
    assert.equal(r.body[0].message_id, 'signin.not_sent');
  } finally { await b.stop(); rmSync(dir, { recursive: true, force: true }); }
});
