// tests/web/harness.mjs — what every web test needs: its own civic-server on
// a free loopback port with a temp database, and Debian's headless Chromium
// (playwright-core, never a downloaded browser) with a fresh profile, in a
// phone viewport, collecting console errors and CSP violations.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BIN = process.env.CIVIC_BIN;
export const SOURCE_DIR = process.env.CIVIC_SOURCE_DIR;
export const WEB_DIR = process.env.CIVIC_WEB_DIR;

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
];

// The phone of issue 8: 390×844 CSS px at devicePixelRatio 3, touch.
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, proc, log) {
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null || proc.signalCode !== null || log().startsWith('cannot start')) throw new Error(`civic-server exited (${proc.exitCode}):\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`civic-server did not answer ${url}:\n${log()}`);
}

// Starts civic-server; returns { base, api, stop() }.
export async function startServer() {
  if (!BIN || !WEB_DIR) throw new Error('CIVIC_BIN and CIVIC_WEB_DIR must be set (ctest sets them)');
  const dir = mkdtempSync(join(tmpdir(), 'civic-web-'));
  const port = await freePort();
  let out = '';
  const proc = spawn(join(BIN, 'civic-server'),
    ['--port', String(port), '--db', join(dir, 'civic.db'), '--web', WEB_DIR, '--media', join(dir, 'media')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.on('error', (e) => { out += `cannot start civic-server: ${e.message}\n`; });
  proc.stdout.on('data', (d) => { out += d; });
  proc.stderr.on('data', (d) => { out += d; });
  const base = `http://127.0.0.1:${port}/`;
  await waitForHttp(base + 'open311/discovery.json', proc, () => out);
  return {
    base,
    api: base + 'open311/v2/',
    dir,
    log: () => out,
    async stop() {
      if (proc.exitCode === null) {
        const gone = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Launches Chromium with a fresh profile; returns { browser, context, page,
// problems(), close() }. problems() lists console errors, page errors and
// CSP violations seen so far. `args`: a test's own Chromium flags (the fake
// microphone of tests/web/voice.test.mjs).
export async function openPhone({ locale = 'zh-CN', offline = false, args = [] } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'civic-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS.concat(args),
    locale,
    offline,
    ...PHONE,
  });
  const problems = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
  };
  context.on('page', watch);
  const page = context.pages()[0] || await context.newPage();
  watch(page);
  return {
    context,
    page,
    problems: () => problems.slice(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Groups of the catalogue as the server lists them, in one language: the
// names the page must show (fetched, never compiled in).
export async function serverGroups(api, locale) {
  const r = await fetch(`${api}services.json?locale=${encodeURIComponent(locale)}`);
  if (!r.ok) throw new Error(`services.json: HTTP ${r.status}`);
  const groups = [];
  for (const s of await r.json()) if (s.group && !groups.includes(s.group)) groups.push(s.group);
  return groups;
}

export function screenshotPath(name) {
  const dir = join(SOURCE_DIR || '.', 'build', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

// Taps the centre of a semantic node on the canvas, as a finger would:
// this goes through the touch events of imgui_impl_html5, not the DOM layer.
export async function tapNode(page, id) {
  const n = (await page.evaluate(() => window.civic.nodes())).find((x) => x.id === id);
  if (!n) throw new Error(`no semantic node ${id}`);
  await page.touchscreen.tap(n.x + n.w / 2, n.y + n.h / 2);
}
