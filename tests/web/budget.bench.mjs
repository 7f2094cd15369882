// tests/web/budget.bench.mjs — issue 8's budgets, measured on the served build
// in headless Chromium (phone viewport) against a real civic-server. Prints
// figures; asserts nothing (timings are not tests). Run:
//   CIVIC_BIN=build/native/bin CIVIC_WEB_DIR=build/web CIVIC_SOURCE_DIR=. node tests/web/budget.bench.mjs [RUNS]
// Figures:
//   bytes before first interactive frame: transferSize (compressed, with
//     headers) of every response that ended before the mark, fresh profile;
//   time to first frame / first interactive frame: performance marks set by
//     web/main.cpp, from navigation start (median of RUNS cold loads);
//   idle frames per second: frames drawn during 3 s, starting 2 s after the
//     last input or network event;
//   package size: every file of build/web except the .br/.gz siblings and
//     fonts/rare/ (the rare-character slices are fetched on demand, like a
//     mini-program's remote fonts, never installed with the app: printed apart).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, openPhone, serverGroups, WEB_DIR } from './harness.mjs';

const RUNS = Number(process.argv[2] || 5);

function packageBytes(dir, skip = join(WEB_DIR, 'fonts', 'rare')) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (p === skip) continue;
    if (st.isDirectory()) total += packageBytes(p, skip);
    else if (!name.endsWith('.br') && !name.endsWith('.gz')) total += st.size;
  }
  return total;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1) + ' KiB';

const server = await startServer();
const zh = await serverGroups(server.api, 'zh-CN');
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const phone = await openPhone({ locale: 'zh-CN' });
    try {
      const { page } = phone;
      await page.goto(server.base);
      await page.getByRole('button', { name: zh[0], exact: true }).waitFor({ state: 'attached' });
      await page.waitForFunction(() => performance.getEntriesByName('civic-first-interactive').length > 0);
      const r = await page.evaluate(() => {
        const first = performance.getEntriesByName('civic-first-frame')[0].startTime;
        const inter = performance.getEntriesByName('civic-first-interactive')[0].startTime;
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        let bytes = 0;
        const files = {};
        for (const e of entries) {
          if (e.responseEnd > inter) continue;
          bytes += e.transferSize;
          files[new URL(e.name).pathname] = e.transferSize;
        }
        return { first, inter, bytes, files };
      });
      if (i === RUNS - 1) {
        await page.waitForTimeout(2000);
        const f0 = await page.evaluate(() => window.civic.framesDrawn());
        await page.waitForTimeout(3000);
        const f1 = await page.evaluate(() => window.civic.framesDrawn());
        r.idleFps = (f1 - f0) / 3;
      }
      runs.push(r);
    } finally {
      await phone.close();
    }
  }
} finally {
  await server.stop();
}

const last = runs[runs.length - 1];
console.log(`Civic Desk web budgets (${RUNS} cold loads, headless Chromium, 390x844 @3x, loopback)`);
console.log('  bytes before first interactive frame (compressed): ' + kb(median(runs.map((r) => r.bytes))) + '   target <= 600 KiB');
for (const [path, n] of Object.entries(last.files).sort((a, b) => b[1] - a[1])) console.log(`      ${kb(n).padStart(10)}  ${path}`);
console.log('  time to first frame, median:             ' + median(runs.map((r) => r.first)).toFixed(0) + ' ms');
console.log('  time to first interactive frame, median: ' + median(runs.map((r) => r.inter)).toFixed(0) + ' ms   target <= 1000 ms');
console.log('      runs: ' + runs.map((r) => r.inter.toFixed(0)).join(', ') + ' ms');
console.log('  idle frames per second (after 2 s quiet): ' + last.idleFps.toFixed(2) + '   target 0');
console.log('  whole package, uncompressed: ' + kb(packageBytes(WEB_DIR)) + '   limit 2048 KiB');
let rare = 0;
try { rare = packageBytes(join(WEB_DIR, 'fonts', 'rare'), null); } catch { /* not built */ }
console.log('  rare-character font slices, on demand (not in the package): ' + kb(rare));
