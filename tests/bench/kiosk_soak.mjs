#!/usr/bin/env node
// tests/bench/kiosk_soak.mjs — does the hall kiosk hold its memory over
// days of residents? (A benchmark: it prints figures and asserts nothing.)
//
//   node tests/bench/kiosk_soak.mjs [--sessions 1000] [--every 100] [--bin DIR]
//
// Starts a civic-server (temporary database, no rate limits) and civic-kiosk
// under xvfb-run (--no-vsync: frames as fast as the automation asks, a
// temporary data directory), then runs --sessions resident sessions through
// the automation channel. Each session: open a group, choose the street-light
// service, type a description and a phone number, review, submit, get the
// receipt (QR, signature check, PNG + PDF written), Finish. Prints the
// kiosk's resident set size (VmRSS from /proc) at the start (after one
// warm-up session), every --every sessions, and at the end, with the growth;
// the target is <= 5 MB from start to end.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../server/harness.mjs';
import { startKiosk } from '../kiosk/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const sessions = Number(opt('sessions', 1000));
const every = Number(opt('every', 100));
if (opt('bin')) process.env.CIVIC_BIN = path.resolve(opt('bin'));

// The civic-kiosk UI process under xvfb-run: the one whose parent is the
// supervising civic-kiosk (session_guard.hpp), found by command line and
// data directory (xvfb-run is a shell script in between).
function kioskPid(dataDir) {
  const found = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0');
      if (path.basename(cmd[0]) !== 'civic-kiosk' || !cmd.includes(dataDir)) continue;
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1].split(' ')[1]);
      found.push({ pid: Number(pid), ppid });
    } catch { /* gone meanwhile */ }
  }
  const ui = found.find((p) => found.some((q) => q.pid === p.ppid)) ?? found[0];
  if (!ui) throw new Error('civic-kiosk process not found');
  return ui.pid;
}

function rssKiB(pid) {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(m[1]);
}

async function must(k, line) {
  const r = await k.send(line);
  if (!r.ok) throw new Error(`${line}: ${r.error}`);
  return r;
}

let serviceGroup = -1;
async function oneSession(k, n) {
  if (serviceGroup < 0) {
    for (let i = 0; serviceGroup < 0; i++) {
      await must(k, `tap group/${i}`);
      await must(k, 'wait back');
      if ((await k.nodes()).some((x) => x.id === 'service/streetlight-out')) serviceGroup = i;
      else await must(k, 'tap back');
      await must(k, 'wait-idle');
    }
  } else {
    await must(k, `tap group/${serviceGroup}`);
  }
  await must(k, 'wait service/streetlight-out');
  await must(k, 'tap service/streetlight-out');
  await must(k, 'wait field/description');
  await must(k, `type field/description Soak session ${n}: the lamp at gate ${n % 17} is out`);
  await must(k, 'tap field/attribute[problem]/out');
  await must(k, 'type field/attribute[lights_out] 2');
  await must(k, `type field/phone 139${String(10000000 + n).slice(-8)}`);
  await must(k, 'tap review');
  await must(k, 'wait submit');
  await must(k, 'tap submit');
  await must(k, 'wait receipt/qr 30000');
  await must(k, 'tap finish');
  await must(k, 'wait group/0');
}

const server = await startServer({ args: ['--rate-limit', '0', '--read-rate-limit', '0'] });
const kiosk = startKiosk({
  server: server.base,
  // A small screen: llvmpipe's per-frame cost is what bounds the pace here.
  screen: '540x960',
  args: ['--lang', 'zh-CN', '--no-vsync', '--idle-seconds', '0', '--hall-location', '22.543,114.057'],
});
try {
  await must(kiosk, 'wait group/0 30000');
  const pid = kioskPid(kiosk.dataDir);
  await oneSession(kiosk, 0);   // warm-up: fonts, GL buffers, first receipt
  const start = rssKiB(pid);
  const t0 = Date.now();
  console.log(`kiosk pid ${pid}; ${sessions} sessions`);
  console.log(`sessions      0  rss ${(start / 1024).toFixed(1)} MB`);
  for (let n = 1; n <= sessions; n++) {
    await oneSession(kiosk, n);
    if (n % every === 0 || n === sessions) {
      const rss = rssKiB(pid);
      const rate = (n / ((Date.now() - t0) / 1000)).toFixed(2);
      console.log(`sessions ${String(n).padStart(6)}  rss ${(rss / 1024).toFixed(1)} MB  ` +
        `(${rss - start >= 0 ? '+' : ''}${((rss - start) / 1024).toFixed(2)} MB)  ${rate} sessions/s`);
    }
  }
  const end = rssKiB(pid);
  const growth = (end - start) / 1024;
  console.log(`growth ${growth.toFixed(2)} MB over ${sessions} sessions (target <= 5 MB): ` +
    `${growth <= 5 ? 'within target' : 'OVER TARGET'}; ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} finally {
  await kiosk.stop();
  await server.stop();
}
