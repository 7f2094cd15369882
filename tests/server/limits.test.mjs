// tests/server/limits.test.mjs — abuse limits and deployment switches:
// per-client rate limits (429 + Retry-After), CORS off by default and on for
// one configured origin, capabilities with the published keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, form, goodFields } from './harness.mjs';

test('writes beyond the per-client rate get 429 with Retry-After', async () => {
  const srv = await startServer({ args: ['--rate-limit', '3'] });
  try {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(`${srv.base}requests.json`, form(goodFields()))).status);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    const r = await call(`${srv.base}requests.json`, form(goodFields()));
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
    assert.equal(r.body[0].code, 429);
    assert.equal((await call(`${srv.base}services.json`)).status, 200, 'reads have their own budget');
  } finally {
    await srv.stop();
  }
});

test('CORS: off by default, one origin when configured', async (t) => {
  const rows = [
    { name: 'default: no CORS headers', args: [], origin: 'https://evil.example', allow: null },
    { name: 'configured origin is allowed', args: ['--cors', 'https://app.example'], origin: 'https://app.example', allow: 'https://app.example' },
    { name: 'other origins are not', args: ['--cors', 'https://app.example'], origin: 'https://evil.example', allow: null },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const srv = await startServer({ args: row.args });
      try {
        const r = await call(`${srv.base}services.json`, { headers: { Origin: row.origin } });
        assert.equal(r.headers.get('access-control-allow-origin'), row.allow);
        const pre = await fetch(`${srv.base}requests.json`, { method: 'OPTIONS', headers: { Origin: row.origin, 'Access-Control-Request-Method': 'POST' } });
        assert.equal(pre.status, 204);
        assert.equal(pre.headers.get('access-control-allow-origin'), row.allow);
      } finally {
        await srv.stop();
      }
    });
  }
});

test('capabilities publish the extensions and both public keys', async () => {
  const srv = await startServer();
  try {
    const r = await call(`${srv.base}civic/capabilities.json`);
    assert.equal(r.status, 200);
    assert.equal(r.body.specification, 'urn:civic-desk:georeport-extensions:1');
    const ext = r.body.extensions;
    for (const k of ['idempotency', 'receipts', 'sealed_personal', 'rating', 'reopen', 'status_updates', 'staff'])
      assert.ok(ext[k], k);
    assert.equal(Buffer.from(ext.receipts.public_key, 'base64').length, 32);
    assert.equal(Buffer.from(ext.sealed_personal.public_key, 'base64').length, 32);
    assert.equal(Buffer.from(ext.sealed_personal.certificate, 'base64').length, 64);
    const filed = await call(`${srv.base}requests.json`, form(goodFields()));
    assert.equal(filed.body[0].receipt.public_key, ext.receipts.public_key);
  } finally {
    await srv.stop();
  }
});
