// tests/faults/outbox_faults.test.mjs — exactly-once delivery through a hostile
// network and a client killed at random moments.
// `civic file` runs through fault_proxy.mjs (refused, cut, delayed
// connections, and replies lost after the server committed); a third of the
// runs are SIGKILLed after a random delay; `civic outbox flush` runs between
// concerns (also killed at times) and at the end until the outbox is empty.
// Then the server, asked directly, must hold every concern exactly once.
// A concern counts as filed once `civic file` returned 0 or 75, or — when it
// was killed — once its record is on disk (outbox entry or ticket record);
// a run killed before the record was written is simply filed again, as the
// resident would.
// CIVIC_FAULT_CONCERNS (default 30; the full run is 500) and
// CIVIC_FAULT_SEED (default: from the clock, printed) tune the run.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { bin, startServer } from '../server/harness.mjs';
import { rng, startFaultProxy } from './fault_proxy.mjs';

const N = Number(process.env.CIVIC_FAULT_CONCERNS ?? 30);
const SEED = Number(process.env.CIVIC_FAULT_SEED ?? (Date.now() % 1000000));

function runCivic(args, { killAfterMs = null } = {}) {
  return new Promise((resolve) => {
    const child = spawn(path.join(bin, 'civic'), args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    let timer = null;
    if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => { if (timer) clearTimeout(timer); resolve({ code, signal, out, err }); });
  });
}

// Is the concern with this marker durably recorded on the client?
function recorded(dataDir, marker) {
  const look = (dir, ext) => {
    let names = [];
    try { names = readdirSync(dir); } catch { return false; }
    return names.some((n) => n.endsWith(ext) && !n.startsWith('.') &&
      readFileSync(path.join(dir, n), 'utf8').includes(marker));
  };
  return look(path.join(dataDir, 'outbox'), '.entry') || look(path.join(dataDir, 'tickets'), '.json');
}

test(`${N} concerns through a faulty network and SIGKILLs arrive exactly once (seed ${SEED})`, { timeout: 3600_000 }, async () => {
  const server = await startServer({ args: ['--rate-limit', '0', '--read-rate-limit', '0'] });
  const target = new URL(server.origin);
  const proxy = await startFaultProxy({ target: { host: target.hostname, port: Number(target.port) }, seed: SEED });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'civic-faults-'));
  const random = rng(SEED ^ 0x5eed);
  const common = ['--server', `http://127.0.0.1:${proxy.port}/open311/v2/`, '--data-dir', dataDir, '--lang', 'en'];
  const counts = { killed: 0, refiled: 0, exit0: 0, exit75: 0, flushes: 0 };
  try {
    for (let i = 0; i < N; i++) {
      const marker = `fault-${SEED}-${i}-end`;
      for (let tries = 0; ; tries++) {
        assert.ok(tries < 50, `concern ${i} could not be filed`);
        const kill = random() < 0.33 ? Math.floor(random() * 80) : null;
        const r = await runCivic([...common, 'file', '--service', 'streetlight-out', '--description', `路灯不亮 ${marker}`,
          '--lat', '22.5431', '--long', '114.0579', '--phone', '13800138000', '--attr', 'problem=out', '--attr', 'lights_out=2'], { killAfterMs: kill });
        if (r.signal === 'SIGKILL') {
          counts.killed++;
          if (recorded(dataDir, marker)) break;
          counts.refiled++;
          continue;
        }
        assert.ok(r.code === 0 || r.code === 75, `civic file exited ${r.code}: ${r.err}`);
        counts[r.code === 0 ? 'exit0' : 'exit75']++;
        break;
      }
      if (i % 5 === 4) {
        counts.flushes++;
        await runCivic([...common, 'outbox', 'flush'], { killAfterMs: random() < 0.5 ? Math.floor(random() * 150) : null });
      }
    }
    let last = null;
    for (let k = 0; k < 300; k++) {
      counts.flushes++;
      last = await runCivic([...common, 'outbox', 'flush']);
      if (last.code === 0) break;
      assert.equal(last.code, 75, `flush exited ${last.code}: ${last.err}`);
    }
    assert.equal(last.code, 0, `outbox never emptied: ${last.err}`);
    const list = await runCivic([...common, '--json', 'outbox', 'list']);
    assert.deepEqual(JSON.parse(list.out), []);

    // Ask the server directly, not through the proxy.
    const res = await fetch(`${server.base}requests.json`);
    assert.equal(res.status, 200);
    const all = await res.json();
    const seen = new Map();
    for (const r of all) {
      const m = /fault-\d+-(\d+)-end/.exec(r.description ?? '');
      assert.ok(m, `unexpected request on the server: ${JSON.stringify(r).slice(0, 200)}`);
      seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
    }
    const lost = [], doubled = [];
    for (let i = 0; i < N; i++) {
      const c = seen.get(String(i)) ?? 0;
      if (c === 0) lost.push(i);
      if (c > 1) doubled.push(i);
    }
    console.log(`fault run: seed ${SEED}, ${N} concerns, ${all.length} on the server; proxy ${JSON.stringify(proxy.stats)}; client ${JSON.stringify(counts)}`);
    assert.deepEqual(lost, [], 'lost concerns');
    assert.deepEqual(doubled, [], 'duplicated concerns');
    assert.equal(all.length, N);
  } finally {
    await proxy.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
