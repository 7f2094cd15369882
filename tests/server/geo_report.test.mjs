// tests/server/geo_report.test.mjs — civic-server speaks GeoReport v2:
// catalogue in both languages, discovery, service definitions covering all
// six datatypes, submissions, reads by id and token, errors as
// [{code, description}], web app headers. One server for the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, call, form, goodFields } from './harness.mjs';

let srv;
before(async () => {
  srv = await startServer();
  const web = path.join(srv.dir, 'web');
  mkdirSync(web, { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(web, 'civic.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(path.join(web, 'civic.js'), 'console.log(1)');
  writeFileSync(path.join(web, 'civic.js.br'), 'brotli-bytes');
});
after(async () => { await srv?.stop(); });

test('services: at least 20 services in at least 6 groups, language by locale and Accept-Language', async (t) => {
  const rows = [
    { name: 'default is zh-CN', init: {}, query: '', group: '噪音扰民' },
    { name: 'locale=en', init: {}, query: '?locale=en', group: 'Noise' },
    { name: 'Accept-Language en-GB', init: { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } }, query: '', group: 'Noise' },
    { name: 'locale beats Accept-Language', init: { headers: { 'Accept-Language': 'en' } }, query: '?locale=zh-CN', group: '噪音扰民' },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await call(`${srv.base}services.json${row.query}`, row.init);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type'), /application\/json/);
      assert.ok(r.body.length >= 20, `${r.body.length} services`);
      const groups = new Set(r.body.map((s) => s.group));
      assert.ok(groups.size >= 6, `${groups.size} groups`);
      assert.ok(groups.has(row.group));
      for (const s of r.body) {
        assert.equal(typeof s.service_code, 'string');
        assert.ok(s.service_name.length > 0 && s.description.length > 0 && s.keywords.length > 0);
        assert.ok(['realtime', 'batch', 'blackbox'].includes(s.type));
        assert.equal(typeof s.metadata, 'boolean');
      }
    });
  }
});

test('service definitions cover all six datatypes and variable=false notes', async () => {
  const list = (await call(`${srv.base}services.json?locale=en`)).body;
  const seen = new Set();
  let notes = 0;
  for (const s of list.filter((x) => x.metadata)) {
    const r = await call(`${srv.base}services/${s.service_code}.json?locale=en`);
    assert.equal(r.status, 200);
    assert.equal(r.body.service_code, s.service_code);
    let last = -Infinity;
    for (const a of r.body.attributes) {
      seen.add(a.datatype);
      if (!a.variable) notes++;
      assert.ok(a.order >= last, 'attributes in order');
      last = a.order;
      if (a.datatype.endsWith('valuelist')) assert.ok(a.values.length >= 2, `${s.service_code}.${a.code} has choices`);
    }
  }
  assert.deepEqual([...seen].sort(), ['datetime', 'multivaluelist', 'number', 'singlevaluelist', 'string', 'text']);
  assert.ok(notes >= 3, `${notes} notes`);
});

test('discovery lists GeoReport v2 and the Civic extensions', async (t) => {
  for (const p of ['/open311/discovery.json', '/open311/v2/discovery.json']) {
    await t.test(p, async () => {
      const r = await call(srv.origin + p);
      assert.equal(r.status, 200);
      const specs = Object.fromEntries(r.body.endpoints.map((e) => [e.specification, e.url]));
      assert.equal(specs['http://wiki.open311.org/GeoReport_v2'], srv.base);
      assert.equal(specs['urn:civic-desk:georeport-extensions:1'], `${srv.base}civic/capabilities.json`);
    });
  }
});

test('submit, then read by id, by batch and by token', async () => {
  const r = await call(`${srv.base}requests.json`, form(goodFields()));
  assert.equal(r.status, 201, r.text);
  const [receipt] = r.body;
  assert.match(receipt.service_request_id, /^\d{4}-\d{6}$/);
  assert.match(receipt.token, /^[0-9a-f]{32}$/);
  assert.equal(receipt.receipt.ticket_id, receipt.service_request_id);
  assert.equal(typeof receipt.receipt.signature, 'string');

  const one = await call(`${srv.base}requests/${receipt.service_request_id}.json?locale=en`);
  assert.equal(one.status, 200);
  const [req] = one.body;
  assert.equal(req.status, 'open');
  assert.equal(req.status_detail, 'submitted');
  assert.equal(req.service_code, 'streetlight-out');
  assert.equal(req.lat, 22.5431);
  assert.equal(req.sla_state, 'on_time');
  assert.equal(req.agency_responsible, 'Urban Management and Law Enforcement Bureau');
  assert.equal(Date.parse(req.expected_datetime) - Date.parse(req.requested_datetime), 48 * 3600 * 1000);
  assert.equal(req.phone, undefined, 'no personal data in public answers');

  const second = (await call(`${srv.base}requests.json`, form(goodFields()))).body[0];
  const batch = await call(`${srv.base}requests.json?service_request_id=${receipt.service_request_id},${second.service_request_id}`);
  assert.equal(batch.status, 200);
  assert.deepEqual(batch.body.map((x) => x.service_request_id).sort(),
    [receipt.service_request_id, second.service_request_id].sort());

  const tok = await call(`${srv.base}tokens/${receipt.token}.json`);
  assert.equal(tok.status, 200);
  assert.equal(tok.body[0].service_request_id, receipt.service_request_id);
});

test('list filters: status, service_code, dates', async (t) => {
  await call(`${srv.base}requests.json`, form(goodFields()));
  const rows = [
    { name: 'status=open finds new tickets', q: 'status=open', check: (b) => b.length > 0 && b.every((x) => x.status === 'open') },
    { name: 'status=closed finds none yet', q: 'status=closed', check: (b) => b.every((x) => x.status === 'closed') },
    { name: 'service_code filters', q: 'service_code=road-pothole', check: (b) => b.length === 0 },
    { name: 'end_date in the past finds none', q: 'end_date=2001-01-01T00:00:00Z', check: (b) => b.length === 0 },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await call(`${srv.base}requests.json?${row.q}`);
      assert.equal(r.status, 200);
      assert.ok(row.check(r.body), JSON.stringify(r.body).slice(0, 200));
    });
  }
});

test('errors are GeoReport bodies with the right status', async (t) => {
  const rows = [
    { name: 'unknown service definition', url: 'services/no-such.json', status: 404, id: 'server.unknown_service' },
    { name: 'unknown request id', url: 'requests/1999-000001.json', status: 404, id: 'server.not_found' },
    { name: 'unknown token', url: 'tokens/deadbeef.json', status: 404, id: 'server.bad_token' },
    { name: 'unknown API path', url: 'nothing.json', status: 404, id: 'server.not_found' },
    { name: 'bad status filter', url: 'requests.json?status=maybe', status: 400, id: 'server.bad_status_filter' },
    { name: 'bad date', url: 'requests.json?start_date=yesterday', status: 400, id: 'server.bad_date' },
    { name: 'too many ids', url: `requests.json?service_request_id=${Array.from({ length: 201 }, (_, i) => i).join(',')}`, status: 400, id: 'server.too_many_ids' },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await call(srv.base + row.url, { headers: { 'Accept-Language': 'en' } });
      assert.equal(r.status, row.status);
      assert.ok(Array.isArray(r.body));
      assert.equal(r.body[0].code, row.status);
      assert.equal(r.body[0].message_id, row.id);
      assert.ok(r.body[0].description.length > 0);
    });
  }
  await t.test('wrong method is 405', async () => {
    const r = await call(`${srv.base}services.json`, { method: 'POST', body: 'x=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.status, 405);
    assert.equal(r.body[0].code, 405);
  });
  await t.test('error descriptions follow the language', async () => {
    const zh = await call(`${srv.base}services/none.json`);
    assert.match(zh.body[0].description, /没有这项服务/);
  });
});

test('web app: MIME types, security headers, precompressed siblings', async (t) => {
  const rows = [
    { name: 'index at /', p: '/', type: /^text\/html/, csp: true },
    { name: 'wasm', p: '/civic.wasm', type: /^application\/wasm$/ },
    { name: 'client route falls back to the app', p: '/track', type: /^text\/html/, csp: true },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await call(srv.origin + row.p);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type'), row.type);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(r.headers.get('referrer-policy'));
      if (row.csp) {
        const csp = r.headers.get('content-security-policy');
        assert.match(csp, /'wasm-unsafe-eval'/);
        assert.doesNotMatch(csp, /'unsafe-eval'/);
        assert.doesNotMatch(csp, /'unsafe-inline'/);
      }
    });
  }
  await t.test('brotli sibling when accepted', async () => {
    const res = await fetch(`${srv.origin}/civic.js`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(res.headers.get('content-encoding'), 'br');
    assert.match(res.headers.get('vary'), /Accept-Encoding/);
  });
  await t.test('missing asset is 404', async () => {
    assert.equal((await call(`${srv.origin}/nothing.js`)).status, 404);
  });
});
