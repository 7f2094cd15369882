// tests/server/contract.test.mjs — api/ is the single source: every example
// the OpenAPI document names exists and parses, the reference server answers
// with the same shape (the same keys, recursively) as the examples, and every
// path the document lists (except `x-civic-reference: planned`) is served.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, call, form, sourceDir } from './harness.mjs';

const apiDir = path.join(sourceDir, 'api');
const openapi = readFileSync(path.join(apiDir, 'openapi.yaml'), 'utf8');
const example = (name) => JSON.parse(readFileSync(path.join(apiDir, 'examples', name), 'utf8'));

// Keys of an object, recursively through the first element of arrays.
function shape(v) {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape(v[k])]));
  return v === null ? 'null' : typeof v;
}
// Like shape, but a null on either side matches anything (optional values).
function sameShape(got, want, where = '$') {
  if (want === 'null' || got === 'null') return;
  if (Array.isArray(want)) {
    assert.ok(Array.isArray(got), `${where} is an array`);
    if (want.length && got.length) sameShape(got[0], want[0], `${where}[0]`);
    return;
  }
  if (typeof want === 'object') {
    assert.equal(typeof got, 'object', `${where} is an object`);
    if (/\.(attributes|params)$/.test(where)) return;  // free-form maps: their keys are data
    assert.deepEqual(Object.keys(got), Object.keys(want), `${where} has the example's keys`);
    for (const k of Object.keys(want)) sameShape(got[k], want[k], `${where}.${k}`);
    return;
  }
  assert.equal(got, want, `${where} type`);
}

let srv;
let filed;
before(async () => {
  srv = await startServer();
  const r = await call(`${srv.base}requests.json`, form([
    ['service_code', 'noise-construction'], ['description', 'Pile driving at the site on Huafu Road since 23:00'],
    ['lat', '22.5431'], ['long', '114.0579'], ['phone', '13800138000'],
    ['attribute[started_at]', '2026-11-26T23:00:00+08:00'], ['attribute[noise_type]', 'piling']]));
  assert.equal(r.status, 201, r.text);
  filed = r.body[0];
});
after(async () => { await srv?.stop(); });

test('every example named in openapi.yaml exists and is JSON', () => {
  const refs = [...openapi.matchAll(/\.\/examples\/([\w.-]+\.json)/g)].map((m) => m[1]);
  assert.ok(refs.length >= 10);
  for (const name of new Set(refs)) {
    assert.ok(existsSync(path.join(apiDir, 'examples', name)), name);
    example(name);
  }
});

test('the server answers in the shape of the examples', async (t) => {
  const staff = readFileSync(path.join(srv.dir, 'staff-token'), 'utf8').trim();
  const rows = [
    { name: 'discovery', url: () => `${srv.origin}/open311/discovery.json`, ex: 'discovery.json' },
    { name: 'services', url: () => `${srv.base}services.json?locale=en`, ex: 'services.en.json' },
    { name: 'service definition', url: () => `${srv.base}services/noise-construction.json?locale=en`, ex: 'service_definition.json' },
    { name: 'request', url: () => `${srv.base}requests/${filed.service_request_id}.json`, ex: 'request.json' },
    { name: 'token', url: () => `${srv.base}tokens/${filed.token}.json`, ex: 'token.json' },
    { name: 'timeline', url: () => `${srv.base}civic/requests/${filed.service_request_id}/events.json`, ex: 'timeline.json' },
    { name: 'updates', url: () => `${srv.base}servicerequestupdates.json`, ex: 'servicerequestupdates.json' },
    { name: 'capabilities', url: () => `${srv.base}civic/capabilities.json`, ex: 'capabilities.json' },
    { name: 'not found', url: () => `${srv.base}services/none.json`, ex: 'error_not_found.json' },
    { name: 'validation errors', url: () => `${srv.base}requests.json`, ex: 'error_validation.json',
      init: form([['service_code', 'noise-construction'], ['description', 'x']]) },
    { name: 'staff update', url: () => `${srv.base}civic/staff/requests/${filed.service_request_id}.json`, ex: 'staff_update_response.json',
      init: { ...form([['status', 'accepted']]), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${staff}` } } },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await call(row.url(), row.init);
      assert.ok(r.body !== null, r.text);
      sameShape(shape(r.body), shape(example(row.ex)));
    });
  }
  await t.test('submit response', () => sameShape(shape([filed]), shape(example('submit_response.json'))));
});

test('every path in openapi.yaml is served (except planned ones)', async () => {
  const lines = openapi.split('\n');
  const paths = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^  (\/[^:]+):\s*$/);
    if (!m) continue;
    if ((lines[i + 1] ?? '').includes('x-civic-reference: planned')) continue;
    if (m[1] === '/civic/events') continue;  // its own listener: tests/server/events_stream.test.mjs
    paths.push(m[1]);
  }
  assert.ok(paths.length >= 12, `${paths.length} paths`);
  for (const p of paths) {
    const url = srv.base + p.slice(1)
      .replace('{service_code}', 'noise-construction')
      .replace('{service_request_id}', filed.service_request_id)
      .replace('{token}', filed.token);
    const r = await call(url, { redirect: 'manual' });
    const notRouted = r.status === 404 && r.body?.[0]?.message_id === 'server.not_found' && r.body?.[0]?.params?.what === new URL(url).pathname;
    assert.ok(!notRouted, `${p} is routed (${r.status})`);
  }
});
