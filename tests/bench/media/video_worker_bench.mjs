// tests/bench/media/video_worker_bench.mjs — what blanking a picked video's
// location costs the phone web app: the media worker's 'video' op
// (web/civic-media-worker.js + civic-media.wasm, core/media/video_meta) on
// MP4s up to the app's 20 MiB cap, in headless Debian Chromium, beside the
// SHA-256 the page computes of the same bytes anyway (crypto.subtle) for
// scale. The time is the round trip from the page: transfer in, copy into
// the module's heap, walk and blank, copy back, transfer out. The first run
// includes loading the module. Prints figures; asserts nothing.
//
//   node tests/bench/media/video_worker_bench.mjs       RUNS=5 by default
//   (after the wasm preset is built; NODE_PATH=node_modules)
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makeMp4 } from '../../server/mp4.mjs';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const runs = Number(process.env.RUNS || 5);
const web = process.env.CIVIC_WEB_DIR || join(here, 'build/web');
const files = {
  '/civic-media.js': 'text/javascript',
  '/civic-media.wasm': 'application/wasm',
  '/civic-media-worker.js': 'text/javascript',
};
for (const f of Object.keys(files))
  if (!existsSync(join(web, f))) throw new Error(`${join(web, f)} missing: build the wasm preset first`);

const sizes = [1, 5, 20];   // MiB
const videos = Object.fromEntries(sizes.map((m) => [m, makeMp4(m * 1048576 - 400, 'isom', { xyz: '+22.5431+114.0579/', durationMs: 65_500 })]));

const server = createServer((req, res) => {
  if (req.url === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>video bench</title>');
    return;
  }
  const m = /^\/video-(\d+)\.mp4$/.exec(req.url);
  if (m && videos[m[1]]) { res.writeHead(200, { 'Content-Type': 'video/mp4' }); res.end(videos[m[1]]); return; }
  if (!files[req.url]) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': files[req.url] });
  res.end(readFileSync(join(web, req.url)));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(base);
  const rows = await page.evaluate(async ({ sizes, runs }) => {
    const worker = new Worker('civic-media-worker.js');
    let seq = 0;
    const ask = (bytes) => new Promise((ok) => {
      const id = ++seq;
      worker.onmessage = (e) => { if (e.data.seq === id) ok(e.data); };
      worker.postMessage({ seq: id, op: 'video', bytes }, [bytes]);
    });
    const out = [];
    for (const mib of sizes) {
      const file = await (await fetch(`video-${mib}.mp4`)).arrayBuffer();
      let best = Infinity, first = 0, sha = Infinity, info = null;
      for (let i = 0; i < runs; i++) {
        const copy = file.slice(0);
        const t0 = performance.now();
        const r = await ask(copy);
        const took = performance.now() - t0;
        if (i === 0 && mib === sizes[0]) first = took;
        best = Math.min(best, took);
        info = JSON.parse(r.json);
        const t1 = performance.now();
        await crypto.subtle.digest('SHA-256', r.out);
        sha = Math.min(sha, performance.now() - t1);
      }
      out.push({ mib, best, first, sha, info });
    }
    worker.terminate();
    return out;
  }, { sizes, runs });
  for (const r of rows)
    console.log(`${String(r.mib).padStart(2)} MiB MP4 with ©xyz: worker round trip ${r.best.toFixed(1)} ms (best of ${runs}` +
      `${r.first ? `; first, with module load, ${r.first.toFixed(1)} ms` : ''}), SHA-256 ${r.sha.toFixed(1)} ms; ` +
      `blanked ${r.info.blanked}, duration ${r.info.duration_ms} ms`);
} finally {
  await browser.close();
  server.close();
}
