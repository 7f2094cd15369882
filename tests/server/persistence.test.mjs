// tests/server/persistence.test.mjs — the database survives a clean stop
// and kill -9 with nothing acknowledged lost; keys and the staff token stay
// the same across restarts; ticket numbers keep counting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, call, form, goodFields } from './harness.mjs';

test('restart after SIGTERM and after kill -9 keeps every acknowledged ticket', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'civic-persist-'));
  try {
    let srv = await startServer({ dir });
    const keyBefore = (await call(`${srv.base}civic/capabilities.json`)).body.extensions.receipts.public_key;
    const tokenBefore = readFileSync(path.join(dir, 'staff-token'), 'utf8');
    const first = (await call(`${srv.base}requests.json`, form(goodFields()))).body[0].service_request_id;
    const stopped = await srv.stop({ keep: true });
    assert.equal(stopped.code, 0, 'clean exit on SIGTERM');

    srv = await startServer({ dir });
    const acked = [];
    for (let i = 0; i < 20; i++) {
      const r = await call(`${srv.base}requests.json`, form(goodFields()));
      assert.equal(r.status, 201);
      acked.push(r.body[0].service_request_id);
    }
    await srv.stop({ keep: true, signal: 'SIGKILL' });

    srv = await startServer({ dir });
    const ids = [first, ...acked];
    const back = await call(`${srv.base}requests.json?service_request_id=${ids.join(',')}`);
    assert.deepEqual(back.body.map((t) => t.service_request_id).sort(), ids.sort());
    const next = (await call(`${srv.base}requests.json`, form(goodFields()))).body[0].service_request_id;
    assert.ok(!ids.includes(next), 'numbers are never reused');
    assert.equal((await call(`${srv.base}civic/capabilities.json`)).body.extensions.receipts.public_key, keyBefore);
    assert.equal(readFileSync(path.join(dir, 'staff-token'), 'utf8'), tokenBefore);
    await srv.stop({ keep: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
