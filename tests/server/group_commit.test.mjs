// tests/server/group_commit.test.mjs — submissions that arrive together share
// one COMMIT (Db::run_grouped): each is acknowledged only once committed, a
// replayed Idempotency-Key in the same burst still gets the first ticket, a
// refused submission in the burst leaves the others alone, and kill -9
// right after the answers loses nothing acknowledged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer, call, form, goodFields } from './harness.mjs';

test('a burst of concurrent submissions: replays share a ticket, refusals stand alone, nothing acknowledged is lost', async () => {
  const srv = await startServer({ args: ['--rate-limit', '0', '--read-rate-limit', '0'] });
  let again;
  try {
    const keyed = (k) => {
      const fields = goodFields().map(([n, v]) => [n, n === 'description' ? `burst ${k}: 路灯不亮` : v]);
      const init = form(fields);
      init.headers['Idempotency-Key'] = `burst-${k}`;
      return init;
    };
    const jobs = [];
    for (let k = 0; k < 16; k++) for (let copy = 0; copy < 3; copy++) jobs.push({ key: k, init: keyed(k) });
    for (let i = 0; i < 16; i++) jobs.push({ key: null, init: form(goodFields()) });
    for (let i = 0; i < 4; i++) jobs.push({ key: null, bad: true, init: form([['service_code', 'no-such-service']]) });
    const answers = await Promise.all(jobs.map((j) => call(`${srv.base}requests.json`, j.init)));

    const byKey = new Map();
    const ids = new Set();
    answers.forEach((r, i) => {
      const j = jobs[i];
      if (j.bad) {
        assert.equal(r.status, 400);
        return;
      }
      assert.ok(r.status === 201 || r.status === 200, `status ${r.status}`);
      const id = r.body[0].service_request_id;
      ids.add(id);
      if (j.key !== null) {
        if (!byKey.has(j.key)) byKey.set(j.key, { ids: new Set(), created: 0 });
        byKey.get(j.key).ids.add(id);
        if (r.status === 201) byKey.get(j.key).created++;
      } else {
        assert.equal(r.status, 201);
      }
    });
    for (const [k, v] of byKey) {
      assert.equal(v.ids.size, 1, `key ${k} got one ticket`);
      assert.equal(v.created, 1, `key ${k} created once`);
    }
    assert.equal(ids.size, 32, '16 keyed tickets and 16 plain ones');

    await srv.stop({ signal: 'SIGKILL', keep: true });
    again = await startServer({ dir: srv.dir });
    const list = [...ids];
    const found = new Set();
    for (let i = 0; i < list.length; i += 50) {
      const r = await call(`${again.base}requests.json?service_request_id=${list.slice(i, i + 50).join(',')}`);
      assert.equal(r.status, 200);
      for (const t of r.body) found.add(t.service_request_id);
    }
    assert.deepEqual([...found].sort(), list.sort());
    const all = await call(`${again.base}requests.json?start_date=2000-01-01`);
    assert.equal(all.body.length, 32, 'no duplicate row and nothing from the refused ones');
  } finally {
    if (again) {
      await again.stop();
      rmSync(srv.dir, { recursive: true, force: true });
    } else {
      await srv.stop();
    }
  }
});
