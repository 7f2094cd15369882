// tests/server/harness.mjs — starts a real civic-server on a free loopback
// port with a temporary database, for the node:test suites in this folder.
// The server picks the port itself (--port 0) and prints it; stop() sends
// SIGTERM and waits for a clean exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const bin = process.env.CIVIC_BIN ?? path.resolve('build/native/bin');
export const sourceDir = process.env.CIVIC_SOURCE_DIR ?? path.resolve('.');

export async function startServer({ args = [], dir } = {}) {
  const own = !dir;
  dir = dir ?? mkdtempSync(path.join(tmpdir(), 'civic-server-'));
  const db = path.join(dir, 'civic.db');
  const child = spawn(path.join(bin, 'civic-server'),
    ['--port', '0', '--db', db, '--media', path.join(dir, 'media'), '--web', path.join(dir, 'web'), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CIVIC_LANG: 'en' } });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`civic-server did not start: ${err}`)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Civic Desk is running at (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`civic-server exited ${code}: ${err}`)); });
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const origin = url.replace(/\/$/, '');
  return {
    url, origin, dir, db, child,
    base: `${origin}/open311/v2/`,
    stderr: () => err,
    async stop({ keep = false, signal = 'SIGTERM' } = {}) {
      child.kill(signal);
      const r = await exited;
      if (own && !keep) rmSync(dir, { recursive: true, force: true });
      return r;
    },
  };
}

// fetch + parsed JSON body (null when the body is not JSON).
export async function call(url, init = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  let body = null;
  try { body = JSON.parse(text); } catch { body = null; }
  return { status: res.status, headers: res.headers, text, body };
}

export function form(fields) {
  const p = new URLSearchParams();
  for (const [k, v] of fields) p.append(k, v);
  return { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: p.toString() };
}

// A submission every check accepts, for a service with simple attributes.
export function goodFields(extra = []) {
  return [
    ['service_code', 'streetlight-out'],
    ['description', '小区门口的路灯已经三天不亮了'],
    ['lat', '22.5431'], ['long', '114.0579'],
    ['phone', '13800138000'],
    ['attribute[problem]', 'out'],
    ['attribute[lights_out]', '2'],
    ...extra,
  ];
}
