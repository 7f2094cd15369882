// tests/kiosk/harness.mjs — runs civic-kiosk under xvfb-run with its
// automation channel (--control): send() writes one command line and resolves
// with the kiosk's JSON answer (see native/kiosk/control.hpp).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const bin = process.env.CIVIC_BIN ?? path.resolve('build/native/bin');
export const sourceDir = process.env.CIVIC_SOURCE_DIR ?? path.resolve('.');
export const screenshotDir = path.join(sourceDir, 'build', 'screenshots');

// screen: the Xvfb screen, e.g. '1080x1920' (a portrait hall screen).
// dataDir: the kiosk's data directory (outbox, pins, receipts, sealed
// drafts). A restart test passes the same one twice; without one (and no
// --data-dir in args) the kiosk gets a temporary one, removed when it exits,
// so no run touches the user's home.
export function startKiosk({ server, args = [], screen = '1080x1920', dataDir, env = process.env }) {
  const ownData = dataDir || args.includes('--data-dir') ? null : mkdtempSync(path.join(tmpdir(), 'civic-kiosk-'));
  const data = dataDir ? ['--data-dir', dataDir] : ownData ? ['--data-dir', ownData] : [];
  const child = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${screen}x24`,
    path.join(bin, 'civic-kiosk'), '--server', server, '--control', ...data, ...args],
  { stdio: ['pipe', 'pipe', 'pipe'], env });
  let buf = '';
  let err = '';
  const waiting = [];
  child.stderr.on('data', (d) => { err += d; });
  child.stdout.on('data', (d) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      const w = waiting.shift();
      if (w) w.resolve(JSON.parse(line));
    }
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`kiosk exited (${code ?? signal}): ${err}`));
    if (ownData) rmSync(ownData, { recursive: true, force: true });
    resolve({ code, signal });
  }));
  return {
    child,
    dataDir: dataDir ?? ownData,
    stderr: () => err,
    send(line) {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.stdin.write(line + '\n');
      });
    },
    async nodes() {
      const r = await this.send('dump');
      if (!r.ok) throw new Error(r.error);
      return r.nodes;
    },
    async stop() {
      child.stdin.end();   // the kiosk quits when its control channel closes
      const t = setTimeout(() => child.kill('SIGTERM'), 10000);
      const r = await exited;
      clearTimeout(t);
      return r;
    },
  };
}

// Width and height from a PNG's IHDR chunk.
export function pngSize(file) {
  const b = readFileSync(file);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bytes: b.length };
}
