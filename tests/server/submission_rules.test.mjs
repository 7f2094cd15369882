// tests/server/submission_rules.test.mjs — what POST /requests.json refuses
// and what it does exactly once: idempotent replays, api_key, validation
// shared with the clients (core/forms message ids), and hostile input —
// malformed bodies, invalid UTF-8, 10 MB descriptions, unknown codes, SQL
// metacharacters — each a clear 4xx with nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, form, goodFields } from './harness.mjs';

let srv;
before(async () => { srv = await startServer({ args: ['--api-key', 'k-test'] }); });
after(async () => { await srv?.stop(); });

const withKey = (extra = []) => goodFields([['api_key', 'k-test'], ...extra]);
const count = async () => (await call(`${srv.base}requests.json`)).body.length;

function raw(body, headers = {}) {
  return { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body };
}

test('Idempotency-Key: same key and body → same ticket, no duplicate row', async () => {
  const before = await count();
  const init = form(withKey());
  init.headers['Idempotency-Key'] = 'k-0001-aaaa';
  const a = await call(`${srv.base}requests.json`, init);
  const b = await call(`${srv.base}requests.json`, init);
  assert.equal(a.status, 201, a.text);
  assert.equal(b.status, 200, b.text);
  assert.equal(b.headers.get('idempotent-replayed'), 'true');
  assert.equal(a.body[0].service_request_id, b.body[0].service_request_id);
  assert.equal(a.body[0].token, b.body[0].token);
  assert.equal(await count(), before + 1);

  const parallel = form(withKey());
  parallel.headers['Idempotency-Key'] = 'k-0002-parallel';
  const all = await Promise.all(Array.from({ length: 8 }, () => call(`${srv.base}requests.json`, parallel)));
  assert.equal(new Set(all.map((r) => r.body[0].service_request_id)).size, 1);
  assert.equal(await count(), before + 2);

  const other = form(withKey([['attribute[pole_number]', 'A-17']]));
  other.headers['Idempotency-Key'] = 'k-0001-aaaa';
  const c = await call(`${srv.base}requests.json`, other);
  assert.equal(c.status, 422);
  assert.equal(c.body[0].message_id, 'server.idempotency_conflict');
  assert.equal(await count(), before + 2);
});

test('refused submissions: 4xx, a message id, nothing written', async (t) => {
  const tenMB = 'a'.repeat(10 * 1024 * 1024);
  const rows = [
    { name: 'no api_key', init: form(goodFields()), status: 403, id: 'server.bad_api_key' },
    { name: 'wrong api_key', init: form(goodFields([['api_key', 'nope']])), status: 403, id: 'server.bad_api_key' },
    { name: 'missing service_code', init: form(withKey().filter(([k]) => k !== 'service_code')), status: 400, id: 'server.missing_service_code' },
    { name: 'unknown service_code', init: form(withKey().map(([k, v]) => [k, k === 'service_code' ? 'ufo-sighting' : v])), status: 400, id: 'server.unknown_service' },
    { name: 'SQL metacharacters in service_code', init: form(withKey().map(([k, v]) => [k, k === 'service_code' ? "x'; DROP TABLE requests; --" : v])), status: 400, id: 'server.unknown_service' },
    { name: 'unknown form field', init: form(withKey([['priority', 'urgent']])), status: 400, id: 'server.unknown_field' },
    { name: 'repeated service_code', init: form(withKey([['service_code', 'road-pothole']])), status: 400, id: 'server.duplicate_field' },
    { name: 'unknown attribute', init: form(withKey([['attribute[colour]', 'red']])), status: 400, id: 'forms.unknown_field' },
    { name: 'choice not offered', init: form(withKey().map(([k, v]) => [k, k === 'attribute[problem]' ? 'exploded' : v])), status: 400, id: 'forms.choice_invalid' },
    { name: 'number not a number', init: form(withKey().map(([k, v]) => [k, k === 'attribute[lights_out]' ? 'many' : v])), status: 400 },
    { name: 'no location', init: form(withKey().filter(([k]) => k !== 'lat' && k !== 'long')), status: 400 },
    { name: 'description too long (5,000 chars)', init: form(withKey().map(([k, v]) => [k, k === 'description' ? '长'.repeat(5000) : v])), status: 400 },
    { name: 'bad percent escape', init: raw('service_code=streetlight-out&description=%zz&api_key=k-test'), status: 400, id: 'server.bad_form' },
    { name: 'invalid UTF-8', init: raw('api_key=k-test&service_code=streetlight-out&description=%C3%28%C3%28%C3%28%C3%28%C3%28&lat=1&long=1&phone=13800138000'), status: 400, id: 'forms.bad_utf8' },
    { name: 'NUL in a value', init: raw('api_key=k-test&service_code=streetlight-out&description=abc%00defgh'), status: 400, id: 'forms.control_char' },
    { name: 'JSON instead of a form', init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"service_code":"streetlight-out"' }, status: 400, id: 'server.bad_content_type' },
    { name: '10 MB description', init: form(withKey().map(([k, v]) => [k, k === 'description' ? tenMB : v])), status: 413, id: 'server.body_too_large' },
    { name: 'bad Idempotency-Key', init: { ...form(withKey()), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': 'a b' } }, status: 400, id: 'server.bad_idempotency_key' },
  ];
  const before = await count();
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await call(`${srv.base}requests.json`, row.init);
      assert.equal(r.status, row.status, r.text.slice(0, 300));
      assert.ok(Array.isArray(r.body) && r.body.length > 0, r.text.slice(0, 200));
      assert.equal(r.body[0].code, row.status);
      assert.ok(r.body[0].description.length > 0);
      if (row.id) assert.ok(r.body.some((e) => e.message_id === row.id), JSON.stringify(r.body));
    });
  }
  assert.equal(await count(), before, 'nothing written');
});

test('SQL metacharacters in free text are stored as text', async () => {
  const text = "Robert'); DROP TABLE requests;-- \"quoted\" 100% _under_";
  const r = await call(`${srv.base}requests.json`, form(withKey().map(([k, v]) => [k, k === 'description' ? text : v])));
  assert.equal(r.status, 201, r.text);
  const back = (await call(`${srv.base}requests/${r.body[0].service_request_id}.json`)).body[0];
  assert.equal(back.description, text);
  assert.ok((await call(`${srv.base}services.json`)).body.length >= 20);
});

test('path traversal and odd paths never leave the web folder', async (t) => {
  const rows = ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/.hidden', '/keys/receipt_ed25519.key',
    '/open311/v2/requests/..%2f..%2fetc%2fpasswd.json', '/open311/v2/services/%00.json'];
  for (const p of rows) {
    await t.test(p, async () => {
      const r = await call(srv.origin + p);
      assert.ok(r.status >= 400 && r.status < 500, `${p}: ${r.status}`);
      assert.doesNotMatch(r.text, /root:|BEGIN|secret/i);
    });
  }
});
