// tests/bench/media/browser_bench.mjs — core/media in the browser (the wasm
// build, civic-media.js) against browser-image-compression, on the same 12 MP
// and 48 MP photos as bench.sh, in headless Debian Chromium, in the same run.
// Prints figures; asserts nothing (timings move with the machine's load).
//
//   node tests/bench/media/browser_bench.mjs [WORKDIR]     RUNS=3 by default
//   (after the wasm preset is built; NODE_PATH=node_modules)
//
// Per photo and tool: best wall time of RUNS (from the photo's bytes in
// memory to the JPEG's bytes), output bytes and size, PSNR against a reference
// downscale to the same size (ImageMagick Lanczos in linear light), and for the wasm
// ways the wasm heap after the run. Tools:
//   civic-wasm      the whole pipeline in wasm (libjpeg-turbo DCT-scaled decode,
//                   Lanczos in linear light, libjpeg-turbo encode within 512 KiB)
//   civic-hybrid    createImageBitmap decodes, turns upright and shrinks to the
//                   output size natively; core encodes within the budget
//   bic             browser-image-compression 2.0.2, maxWidthOrHeight 2048,
//                   maxSizeMB 0.5 (useWebWorker false: its worker would load the
//                   library from a CDN, which a kiosk or this machine cannot reach)
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const work = process.argv[2] || '/tmp/civic-media-bench';
const runs = Number(process.env.RUNS || 3);
const web = process.env.CIVIC_WEB_DIR || join(here, 'build/web');
const IM = '/usr/bin/convert';

mkdirSync(work, { recursive: true });
if (!existsSync(join(work, 'photo-48mp.jpg'))) execFileSync(join(here, 'scripts/make-test-photos'), ['bench', work]);
for (const f of ['civic-media.js', 'civic-media.wasm'])
  if (!existsSync(join(web, f))) throw new Error(`${join(web, f)} missing: build the wasm preset first`);

const files = {
  '/civic-media.js': [join(web, 'civic-media.js'), 'text/javascript'],
  '/civic-media.wasm': [join(web, 'civic-media.wasm'), 'application/wasm'],
  '/bic.js': [join(here, 'node_modules/browser-image-compression/dist/browser-image-compression.js'), 'text/javascript'],
  '/photo-12mp.jpg': [join(work, 'photo-12mp.jpg'), 'image/jpeg'],
  '/photo-48mp.jpg': [join(work, 'photo-48mp.jpg'), 'image/jpeg'],
};
const page_html = '<!doctype html><meta charset="utf-8"><script src="civic-media.js"></script><script src="bic.js"></script>';
const server = createServer((req, res) => {
  if (req.url === '/') { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end(page_html); return; }
  const f = files[req.url];
  if (!f) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': f[1] });
  res.end(readFileSync(f[0]));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'],
});

// Runs in the page: one tool on one photo, best of `runs`; returns figures and the JPEG as base64.
async function inPage({ photo, tool, runs }) {
  const M = globalThis.civicMedia || (globalThis.civicMedia = await CivicMedia());
  const blob = await (await fetch(photo)).blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const file = new File([blob], photo.slice(1), { type: 'image/jpeg' });
  let stages = null;
  const take = (h) => {
    const info = JSON.parse(M.UTF8ToString(M._civic_media_json(h)));
    const n = M._civic_media_jpeg_size(h);
    const out = n ? M.HEAPU8.slice(M._civic_media_jpeg(h), M._civic_media_jpeg(h) + n) : new Uint8Array();
    M._civic_media_release(h);
    if (info.ok === false) throw new Error(`${info.error}: ${info.detail}`);
    if (info.ms) stages = info.ms;
    return { info, out };
  };
  const withBytes = (b, f) => {
    const p = M._malloc(b.length);
    M.HEAPU8.set(b, p);
    try { return f(p); } finally { M._free(p); }
  };
  const once = {
    'civic-wasm': async () => withBytes(bytes, (p) => take(M._civic_media_compress(p, bytes.length, 2048, 524288, 80))).out,
    'civic-hybrid': async () => {
      const probe = withBytes(bytes, (p) => take(M._civic_media_probe(p, bytes.length))).info;
      const s = Math.min(1, 2048 / Math.max(probe.width, probe.height));
      const w = Math.round(probe.width * s), h = Math.round(probe.height * s);
      const bmp = await createImageBitmap(blob, { imageOrientation: 'from-image', resizeWidth: w, resizeHeight: h,
                                                  resizeQuality: 'high' });
      const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d');
      ctx.drawImage(bmp, 0, 0);
      bmp.close();
      const px = ctx.getImageData(0, 0, w, h).data;
      return withBytes(px, (p) => take(M._civic_media_compress_rgba(p, w, h, 2048, 524288, 80))).out;
    },
    bic: async () => new Uint8Array(await (await imageCompression(file, {
      maxWidthOrHeight: 2048, maxSizeMB: 0.5, useWebWorker: false })).arrayBuffer()),
  }[tool];
  let best = Infinity, out;
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    out = await once();
    best = Math.min(best, performance.now() - t0);
  }
  let b64 = '';
  for (let i = 0; i < out.length; i += 0x8000) b64 += String.fromCharCode(...out.subarray(i, i + 0x8000));
  return { ms: best, jpeg: btoa(b64), heap: tool === 'bic' ? 0 : M.HEAPU8.length, stages };
}

const psnr = (ref, out) => {
  try {
    execFileSync('/usr/bin/compare', ['-metric', 'PSNR', ref, out, 'null:'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return 'inf';
  } catch (e) { return String(e.stderr).trim().split(/\s/)[0] || 'n/a'; }
};
// The reference at the output's own size (browser-image-compression may shrink
// further than 2048 to meet its budget): PSNR compares like with like.
const refFor = (mp, wxh) => {
  const ref = join(work, `ref-${mp}-${wxh}.png`);
  if (!existsSync(ref))
    execFileSync(IM, [join(work, `photo-${mp}.jpg`), '-auto-orient', '-colorspace', 'RGB', '-filter', 'Lanczos',
                      '-resize', `${wxh}!`, '-colorspace', 'sRGB', ref]);
  return ref;
};
const size = (f) => execFileSync('/usr/bin/identify', ['-format', '%wx%h', f]).toString();

console.log(`chromium ${browser.version()}, runs ${runs}, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log('photo  tool           best_ms    bytes      size   PSNR_dB  wasm_heap_MB  ratio_vs_bic');
for (const mp of ['12mp', '48mp']) {
  const rows = [];
  for (const tool of ['civic-wasm', 'civic-hybrid', 'bic']) {
    const page = await browser.newPage();   // a fresh page per tool: no heap carried over
    await page.goto(base);
    const r = await page.evaluate(inPage, { photo: `/photo-${mp}.jpg`, tool, runs });
    await page.close();
    const out = join(work, `out-${mp}-browser-${tool}.jpg`);
    writeFileSync(out, Buffer.from(r.jpeg, 'base64'));
    rows.push({ tool, ms: r.ms, bytes: Buffer.from(r.jpeg, 'base64').length, size: size(out),
                psnr: psnr(refFor(mp, size(out)), out), heap: r.heap, stages: r.stages });
  }
  const bic = rows.find((r) => r.tool === 'bic').ms;
  for (const r of rows)
    console.log(`${mp.padEnd(6)} ${r.tool.padEnd(13)} ${r.ms.toFixed(0).padStart(8)} ${String(r.bytes).padStart(8)} ` +
                `${r.size.padStart(9)} ${String(r.psnr).padStart(9)} ${(r.heap / 1048576).toFixed(0).padStart(13)} ` +
                `${(r.ms / bic).toFixed(2).padStart(13)}`);
  for (const r of rows) if (r.stages) console.log(`  ${r.tool} core stages (ms, last run): ${JSON.stringify(r.stages)}`);
}
await browser.close();
server.close();
