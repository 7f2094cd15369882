// tests/server/security_threats.test.mjs — rows of SECURITY.md's threat
// model proved against the real civic-server and the real `civic` CLI:
// another department's staff get 403 and are audited; personal fields are
// stored encrypted, under a key outside the database; sealed personal fields
// open only with the server's key; receipts verify offline, a flipped bit or
// a changed key is reported; keys and tokens are private.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createPublicKey, verify as edVerify } from 'node:crypto';
import { copyFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, call, form, goodFields, sourceDir, startServer } from './harness.mjs';

const fixtures = path.join(sourceDir, 'tests/server/fixtures/security-keys');
const PHONE = '13800138000';
let srv;
let admin;   // the dev all-departments token

before(async () => {
  srv = await startServer();
  admin = readFileSync(path.join(srv.dir, 'staff-token'), 'utf8').trim();
});
after(async () => { await srv?.stop(); });

const bearer = (token, init = {}) => ({ ...init, headers: { ...(init.headers ?? {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) } });

async function file(s, fields = goodFields([['first_name', '李四'], ['email', 'lisi@example.cn']])) {
  const r = await call(`${s.base}requests.json`, form(fields));
  assert.equal(r.status, 201, r.text);
  return r.body[0];
}

async function tokenFor(department) {
  const r = await call(`${srv.base}civic/staff/tokens.json`, bearer(admin, form([['department', department], ['label', 'test']])));
  assert.equal(r.status, 201, r.text);
  return r.body.token;
}

function civic(args, env = {}) {
  return new Promise((resolve) => {
    execFile(path.join(bin, 'civic'), args, { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? err.code : 0, out: stdout, err: stderr });
    });
  });
}

// Every byte the server keeps for its database: the file and its WAL.
function databaseBytes(dir) {
  return Buffer.concat(readdirSync(dir).filter((f) => f.startsWith('civic.db')).map((f) => readFileSync(path.join(dir, f))));
}

test('staff of another department get 403 for personal fields, and the attempt is logged', async () => {
  const t = await file(srv);                                      // streetlight-out: urban-management
  const own = await tokenFor('urban-management');
  const other = await tokenFor('transport');
  const url = `${srv.base}civic/staff/requests/${t.service_request_id}/personal.json`;
  const rows = [
    { name: 'no token', token: '', status: 401 },
    { name: 'unknown token', token: 'cst_nope', status: 401 },
    { name: 'another department', token: other, status: 403, outcome: 'denied' },
    { name: 'own department', token: own, status: 200, outcome: 'allowed' },
    { name: 'all departments', token: admin, status: 200, outcome: 'allowed' },
  ];
  for (const row of rows) {
    const r = await call(url, bearer(row.token));
    assert.equal(r.status, row.status, `${row.name}: ${r.text}`);
    if (row.status === 403) {
      assert.equal(r.body[0].message_id, 'security.forbidden_department');
      assert.ok(!r.text.includes(PHONE), 'a 403 leaks nothing');
    }
    if (row.status === 200) {
      assert.equal(r.body.phone, PHONE);
      assert.equal(r.headers.get('cache-control'), 'no-store');
    }
  }
  // The other department's staff cannot move it either, and that is logged too.
  const move = await call(`${srv.base}civic/staff/requests/${t.service_request_id}.json`, bearer(other, form([['status', 'accepted']])));
  assert.equal(move.status, 403);

  const log = await call(`${srv.base}civic/staff/audit.json?service_request_id=${t.service_request_id}`, bearer(admin));
  assert.equal(log.status, 200, log.text);
  const seen = log.body.map((e) => `${e.action}:${e.outcome}:${e.staff_department}`);
  assert.deepEqual(seen, ['personal.read:denied:transport', 'personal.read:allowed:urban-management',
    'personal.read:allowed:*', 'ticket.update:denied:transport']);
  assert.ok(log.body.every((e) => e.ticket_department === 'urban-management' && /^[0-9a-f]{16}$/.test(e.staff_token)));
  assert.match(srv.stderr(), new RegExp(`audit: denied personal.read ticket="${t.service_request_id}"`));
  // The log is for administrators only.
  assert.equal((await call(`${srv.base}civic/staff/audit.json`, bearer(own))).status, 403);
  assert.equal((await call(`${srv.base}civic/staff/tokens.json`, bearer(own, form([['department', 'transport']])))).status, 403);
});

test('personal fields and staff tokens are not in the database in the clear; keys are private and outside it', async () => {
  const issued = await tokenFor('water');
  await file(srv);
  const bytes = databaseBytes(srv.dir).toString('latin1');
  for (const secret of [PHONE, 'lisi@example.cn', Buffer.from('李四').toString('latin1'), issued, admin]) {
    assert.ok(!bytes.includes(secret), `database holds ${secret} in the clear`);
  }
  const keys = path.join(srv.dir, 'keys');
  assert.equal(statSync(keys).mode & 0o777, 0o700);
  for (const f of ['receipt_ed25519.key', 'sealing_x25519.key', 'personal_data.key']) {
    assert.equal(statSync(path.join(keys, f)).mode & 0o777, 0o600, f);
  }
  // The public API never shows them.
  const pub = await call(`${srv.base}requests.json`);
  assert.ok(!pub.text.includes(PHONE) && !pub.text.includes('lisi@'));
});

test('a copied database without its key file reveals no personal field', async () => {
  const t = await file(srv);
  const stolen = mkdtempSync(path.join(tmpdir(), 'civic-stolen-'));
  try {
    for (const f of readdirSync(srv.dir).filter((f) => f.startsWith('civic.db'))) copyFileSync(path.join(srv.dir, f), path.join(stolen, f));
    const thief = await startServer({ dir: stolen });              // makes new keys: not the original ones
    try {
      const token = readFileSync(path.join(stolen, 'staff-token'), 'utf8').trim();
      const r = await call(`${thief.base}civic/staff/requests/${t.service_request_id}/personal.json`, bearer(token));
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.phone, '');
      assert.equal(r.body.first_name, '');
    } finally { await thief.stop(); }
  } finally { rmSync(stolen, { recursive: true, force: true }); }
});

test('sealed personal fields open only with the server key and are stored like plain ones', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'civic-sealed-'));
  mkdirSync(path.join(dir, 'keys'), { mode: 0o700 });
  for (const f of ['receipt_ed25519.key', 'sealing_x25519.key']) {
    copyFileSync(path.join(fixtures, f), path.join(dir, 'keys', f));
    chmodSync(path.join(dir, 'keys', f), 0o600);
  }
  const s = await startServer({ dir });
  try {
    const sealed = readFileSync(path.join(fixtures, 'sealed_personal.txt'), 'utf8').trim();
    const caps = await call(`${s.base}civic/capabilities.json`);
    const seal = caps.body.extensions.sealed_personal;
    const signKey = caps.body.extensions.receipts.public_key;
    // The sealing key is certified by the signing key a client pins.
    const spki = (raw) => createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(raw, 'base64')]), format: 'der', type: 'spki' });
    const certified = Buffer.concat([Buffer.from('civic-sealing-key-v1'), Buffer.from(seal.public_key, 'base64')]);
    assert.ok(edVerify(null, certified, spki(signKey), Buffer.from(seal.certificate, 'base64')));

    const fields = [['service_code', 'streetlight-out'], ['description', '小区门口的路灯已经三天不亮了'], ['lat', '22.5431'],
      ['long', '114.0579'], ['attribute[problem]', 'out'], ['attribute[lights_out]', '1'], ['sealed_personal', sealed]];
    const body = form(fields).body;
    for (const clear of ['13912345678', 'wang@example', encodeURIComponent('王小明')]) assert.ok(!body.includes(clear));
    const r = await call(`${s.base}requests.json`, form(fields));
    assert.equal(r.status, 201, r.text);
    const token = readFileSync(path.join(dir, 'staff-token'), 'utf8').trim();
    const p = await call(`${s.base}civic/staff/requests/${r.body[0].service_request_id}/personal.json`, bearer(token));
    assert.equal(p.body.phone, '13912345678');
    assert.equal(p.body.email, 'wang@example.cn');
    assert.ok(!databaseBytes(dir).toString('latin1').includes('13912345678'));

    const rows = [
      { name: 'sealed to another key', value: readFileSync(path.join(fixtures, 'sealed_to_another_key.txt'), 'utf8').trim() },
      { name: 'one flipped character', value: sealed.slice(0, 40) + (sealed[40] === 'A' ? 'B' : 'A') + sealed.slice(41) },
      { name: 'not base64', value: '%%%' },
    ];
    for (const row of rows) {
      const bad = await call(`${s.base}requests.json`, form([...fields.slice(0, 6), ['sealed_personal', row.value]]));
      assert.equal(bad.status, 400, row.name);
      assert.equal(bad.body[0].field, 'sealed_personal', row.name);
    }
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('civic receipt verify: valid, pinned on first use; a flipped bit or a changed key is reported', async (t) => {
  const work = mkdtempSync(path.join(tmpdir(), 'civic-receipts-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const data = path.join(work, 'data');
  const answer = await call(`${srv.base}requests.json`, form(goodFields()));
  const receipt = answer.body[0].receipt;
  assert.equal(receipt.ticket_id, answer.body[0].service_request_id);

  // An independent check of the Ed25519 signature with Node's own crypto.
  const spki = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(receipt.public_key, 'base64')]), format: 'der', type: 'spki' });
  const signed = Buffer.concat([Buffer.from('civic-receipt-v1'), Buffer.from(receipt.key_id, 'hex'), Buffer.from(receipt.field_digests, 'base64')]);
  assert.ok(edVerify(null, signed, spki, Buffer.from(receipt.signature, 'base64')));

  const write = (name, value) => { const p = path.join(work, name); writeFileSync(p, JSON.stringify(value)); return p; };
  const good = write('good.json', receipt);
  const first = await civic(['--data-dir', data, 'receipt', 'verify', good]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /Valid receipt/);
  assert.match(first.out, /First time/);
  assert.ok(existsSync(path.join(data, 'pins.json')));
  const again = await civic(['--data-dir', data, '--json', 'receipt', 'verify', answer.text ? write('answer.json', answer.body) : good]);
  assert.equal(again.code, 0, again.err);
  assert.equal(JSON.parse(again.out).trust, 'pinned');

  const flipChar = (s, i = 2) => s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ 1) + s.slice(i + 1);
  const flipB64 = (s) => { const b = Buffer.from(s, 'base64'); b[5] ^= 0x10; return b.toString('base64'); };
  const rows = [
    { name: 'ticket id', r: { ...receipt, ticket_id: flipChar(receipt.ticket_id, 6) }, want: /altered in: ticket_id/ },
    { name: 'service code', r: { ...receipt, service_code: flipChar(receipt.service_code) }, want: /altered in: service_code/ },
    { name: 'issued at', r: { ...receipt, issued_at: receipt.issued_at.replace(/^(\d{3})\d/, (m, a) => a + (m[3] === '1' ? '2' : '1')) }, want: /altered in: issued_at/ },
    { name: 'content hash', r: { ...receipt, content_hash: flipB64(receipt.content_hash) }, want: /altered in: content_hash/ },
    { name: 'signature', r: { ...receipt, signature: flipB64(receipt.signature) }, want: /signature is invalid/ },
    { name: 'field digests', r: { ...receipt, field_digests: flipB64(receipt.field_digests) }, want: /signature is invalid/ },
    { name: 'key id', r: { ...receipt, key_id: flipChar(receipt.key_id, 0).replace(/[^0-9a-f]/g, '0') }, want: /key id .* does not belong/ },
    { name: 'public key', r: { ...receipt, public_key: flipB64(receipt.public_key) }, want: /key id .* does not belong/ },
    { name: 'not a receipt', r: { hello: 'world' }, want: /malformed: civic_receipt/ },
  ];
  for (const row of rows) {
    const res = await civic(['--data-dir', data, 'receipt', 'verify', write(`${row.name}.json`, row.r)]);
    assert.equal(res.code, 1, `${row.name}: ${res.out}`);
    assert.match(res.err, row.want, row.name);
  }
  const wrongTicket = await civic(['--data-dir', data, 'receipt', 'verify', good, '--ticket', '1999-000001']);
  assert.equal(wrongTicket.code, 1);
  assert.match(wrongTicket.err, /not 1999-000001/);

  // Another server (new keys) claiming to be the same issuer: a changed key.
  const pinsBefore = readFileSync(path.join(data, 'pins.json'), 'utf8');
  const other = await startServer();
  try {
    const forged = (await call(`${other.base}requests.json`, form(goodFields()))).body[0].receipt;
    const res = await civic(['--data-dir', data, 'receipt', 'verify', write('other.json', forged), '--issuer', receipt.issuer]);
    assert.equal(res.code, 1, res.out);
    assert.match(res.err, /signing key has changed/);
    assert.equal(readFileSync(path.join(data, 'pins.json'), 'utf8'), pinsBefore, 'a changed key is never pinned silently');
    const trust = await civic(['--data-dir', data, 'receipt', 'trust', path.join(work, 'other.json'), '--issuer', receipt.issuer]);
    assert.equal(trust.code, 0, trust.err);
    const now = await civic(['--data-dir', data, 'receipt', 'verify', path.join(work, 'other.json'), '--issuer', receipt.issuer]);
    assert.equal(now.code, 0, now.err);
  } finally { await other.stop(); }
});
