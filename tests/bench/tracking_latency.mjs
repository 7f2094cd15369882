// tests/bench/tracking_latency.mjs — event latency with many followers.
// Starts civic-server (temporary database), files one concern, opens
// FOLLOWERS (default 2000) event streams on it over raw sockets, then makes
// UPDATES (default 30) staff changes through the staff HTTP API. Latency is
// measured from just before the staff request is sent to the moment each
// follower's socket delivers the event; prints p50/p90/p99/max over every
// (update, follower) pair. Target (issue 6): p99 ≤ 100 ms on loopback on a
// 2-core machine. Not a test: figures only.
//   CIVIC_BIN=build/h-tracking-native/bin node tests/bench/tracking_latency.mjs
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { startServer } from '../server/harness.mjs';

const FOLLOWERS = Number(process.env.FOLLOWERS ?? 2000);
const UPDATES = Number(process.env.UPDATES ?? 30);

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

process.env.CIVIC_EVENTS_TRACE = '1';  // the server prints its fan-out time per event
const server = await startServer({ args: ['--rate-limit', '0', '--read-rate-limit', '0'] });
try {
  const staffToken = readFileSync(path.join(server.dir, 'staff-token'), 'utf8').trim();
  const filed = await fetch(`${server.base}requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([['service_code', 'streetlight-out'], ['description', 'bench'], ['lat', '22.5431'],
      ['long', '114.0579'], ['phone', '13800138000'], ['attribute[problem]', 'out'], ['attribute[lights_out]', '1']]).toString(),
  });
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${await filed.text()}`);
  const ticket = (await filed.json())[0].service_request_id;
  const redirect = await fetch(`${server.base}civic/events?service_request_id=${ticket}`, { redirect: 'manual' });
  const stream = new URL(redirect.headers.get('location'));
  console.log(`ticket ${ticket}; stream at ${stream.host}; opening ${FOLLOWERS} followers`);

  let current = null;   // the update in flight: { t0, left, raw: [time, chunk, ...], resolve }
  let open = 0;
  const sockets = [];
  const t_open = performance.now();
  await new Promise((resolveAll, rejectAll) => {
    for (let i = 0; i < FOLLOWERS; i++) {
      const s = net.connect(Number(stream.port), stream.hostname);
      sockets.push(s);
      let buf = '';
      let ready = false;
      s.on('connect', () => s.write(`GET ${stream.pathname}${stream.search} HTTP/1.1\r\nHost: ${stream.host}\r\nAccept: text/event-stream\r\n\r\n`));
      // The handler only timestamps and keeps the bytes: one client process
      // serves every follower, so its own work would show up as latency.
      s.on('data', (chunk) => {
        const now = performance.now();
        if (!ready) {
          buf += chunk.toString('utf8');
          if (!buf.includes('\n\n')) return;
          if (!buf.startsWith('HTTP/1.1 200')) return rejectAll(new Error(buf.slice(0, 200)));
          ready = true;
          if (++open === FOLLOWERS) resolveAll();
          return;
        }
        if (current && chunk[0] !== 0x3a) {   // ':' starts a heartbeat, not an event
          current.raw.push(now, chunk);
          if (--current.left === 0) current.resolve();
        }
      });
      s.on('error', (e) => rejectAll(e));
    }
  });
  console.log(`${FOLLOWERS} followers connected in ${(performance.now() - t_open).toFixed(0)} ms`);

  const all = [];
  const staffMs = [];
  for (let k = 0; k < UPDATES; k++) {
    const note = String(k);
    let resolve;
    const done = new Promise((r) => { resolve = r; });
    const w = { t0: 0, left: FOLLOWERS, raw: [], samples: [], resolve };
    current = w;
    w.t0 = performance.now();
    const res = await fetch(`${server.base}civic/staff/requests/${ticket}.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${staffToken}` },
      body: new URLSearchParams([['status', k === 0 ? 'accepted' : 'in_progress'], ['note', `bench-note-${note}`]]).toString(),
    });
    staffMs.push(performance.now() - w.t0);
    if (res.status !== 200) throw new Error(`staff update ${res.status}: ${await res.text()}`);
    await Promise.race([done, new Promise((r) => setTimeout(r, 10000))]);
    if (w.left > 0) console.log(`update ${k}: ${w.left} followers missed it within 10 s`);
    current = null;
    // Each follower gets one frame per update; check it is this update's.
    for (let j = 0; j < w.raw.length; j += 2) {
      if (!String(w.raw[j + 1]).includes(`bench-note-${note}`)) throw new Error(`update ${k}: unexpected frame`);
      w.samples.push(w.raw[j] - w.t0);
    }
    all.push(...w.samples);
    await new Promise((r) => setTimeout(r, 100));
  }
  all.sort((a, b) => a - b);
  staffMs.sort((a, b) => a - b);
  const f = (x) => x.toFixed(1);
  console.log(`event latency, staff change → follower, ${FOLLOWERS} followers × ${UPDATES} updates (${all.length} deliveries):`);
  console.log(`  p50 ${f(quantile(all, 0.5))} ms  p90 ${f(quantile(all, 0.9))} ms  p99 ${f(quantile(all, 0.99))} ms  max ${f(all[all.length - 1])} ms`);
  console.log(`  staff request alone: p50 ${f(quantile(staffMs, 0.5))} ms  max ${f(staffMs[staffMs.length - 1])} ms`);
  const fan = [...server.stderr().matchAll(/to (\d+) followers in ([\d.]+) ms \(cpu ([\d.]+) ms\)/g)]
    .filter((m) => Number(m[1]) === FOLLOWERS);
  const wall = fan.map((m) => Number(m[2])).sort((a, b) => a - b);
  const cpu = fan.map((m) => Number(m[3])).sort((a, b) => a - b);
  if (fan.length) {
    console.log(`  server fan-out (all ${FOLLOWERS} sockets written): wall p50 ${f(quantile(wall, 0.5))} ms  max ${f(wall[wall.length - 1])} ms;` +
                ` thread CPU p50 ${f(quantile(cpu, 0.5))} ms  max ${f(cpu[cpu.length - 1])} ms`);
  }
  const load = (await import('node:os')).loadavg()[0];
  console.log(`  load average during the run: ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
  for (const s of sockets) s.destroy();
} finally {
  await server.stop();
}
