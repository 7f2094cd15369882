#!/usr/bin/env node
// tests/bench/server_load.mjs — a load driver for civic-server (a benchmark,
// not a test: it prints figures and asserts nothing). On a 2-core machine
// Node itself needs most of a core at these rates; the C++ driver
// (tests/bench/server_load.cpp, build/native/bin/civic_server_load) measures
// the server alone and is the one to quote.
//
//   node tests/bench/server_load.mjs [--bin DIR] [--clients 64] [--seconds 10]
//                                    [--batch 50] [--url BASE]
//
// Starts its own civic-server on a free loopback port with a temporary
// database and no rate limits (unless --url points at a running one), then:
//  1. submissions: --clients concurrent keep-alive clients POST
//     /requests.json for --seconds; prints submissions/s and p50/p99/max;
//  2. reads: the same clients GET /requests.json?service_request_id=<batch
//     ids> for --seconds; prints batches/s and p50/p99/max.
import http from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const clients = Number(opt('clients', 64));
const seconds = Number(opt('seconds', 10));
const batch = Number(opt('batch', 50));
const binDir = opt('bin', process.env.CIVIC_BIN ?? 'build/native/bin');

async function startServer() {
  const dir = mkdtempSync(path.join(tmpdir(), 'civic-bench-'));
  const child = spawn(path.join(binDir, 'civic-server'),
    ['--port', '0', '--db', path.join(dir, 'civic.db'), '--web', dir, '--media', path.join(dir, 'media'),
      '--rate-limit', '0', '--read-rate-limit', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CIVIC_LANG: 'en' } });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (c) => reject(new Error(`civic-server exited ${c}`)));
  });
  return {
    pid: child.pid,
    base: `${url.replace(/\/$/, '')}/open311/v2/`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: clients });

function request(url, { method = 'GET', body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// CPU seconds the server has used (user + system), from /proc; the figure
// that does not depend on what else the machine is doing.
function serverCpu(pid) {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;  // utime + stime, in clock ticks (USER_HZ = 100)
}

async function drive(name, makeRequest, check) {
  const cpu0 = serverCpu(server.pid);
  const latencies = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  async function worker(w) {
    let i = 0;
    while (performance.now() < end) {
      const t0 = performance.now();
      const r = await makeRequest(w, i++);
      latencies.push(performance.now() - t0);
      if (!check(r)) errors++;
    }
  }
  await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const f = (x) => x.toFixed(1);
  console.log(`${name}: ${latencies.length} in ${elapsed.toFixed(1)} s = ${f(latencies.length / elapsed)}/s ` +
    `with ${clients} clients; latency p50 ${f(percentile(latencies, 50))} ms, p99 ${f(percentile(latencies, 99))} ms, ` +
    `max ${f(latencies[latencies.length - 1])} ms; errors ${errors}`);
  const cpu = serverCpu(server.pid) - cpu0;
  if (!Number.isNaN(cpu))
    console.log(`  server CPU ${cpu.toFixed(2)} s = ${(cpu * 1000 / latencies.length).toFixed(3)} ms per request ` +
      `(${f(latencies.length / cpu)} requests per CPU-second)`);
}

const server = opt('url') ? { base: opt('url'), stop: async () => {} } : await startServer();
console.log(`civic-server load: ${server.base} on ${cpus().length} cores, ${seconds} s per phase`);

const fields = new URLSearchParams([
  ['service_code', 'streetlight-out'],
  ['description', '小区门口的路灯已经三天不亮了，晚上很不安全'],
  ['lat', '22.5431'], ['long', '114.0579'], ['phone', '13800138000'],
  ['attribute[problem]', 'out'], ['attribute[lights_out]', '2'],
]).toString();
const ids = [];
await drive('POST /requests.json', async (w, i) => {
  const r = await request(`${server.base}requests.json`, {
    method: 'POST', body: fields,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': `bench-${process.pid}-${w}-${i}` },
  });
  if (r.status === 201 && ids.length < 20000) ids.push(JSON.parse(r.body)[0].service_request_id);
  return r;
}, (r) => r.status === 201);

await drive(`GET /requests.json (batches of ${batch} ids)`, async (w, i) => {
  const start = ((w * 7919 + i * batch) % Math.max(1, ids.length - batch));
  const q = ids.slice(start, start + batch).join(',');
  return request(`${server.base}requests.json?service_request_id=${q}`);
}, (r) => r.status === 200);

await server.stop();
agent.destroy();
