#!/usr/bin/env node
// scripts/make-font.mjs — build the CJK font subsets the UI ships.
// Why: a full CJK font is 5–20 MB; a phone on a mobile network must see the
// app's first screen after ~600 KB, and the whole web package must stay under
// 2 MB (a WeChat mini-program's cap). Three files, from one system font:
//   civic-ui.ttf      the web app's first font: printable ASCII and Latin-1,
//                     general and CJK punctuation, arrows, full-width forms,
//                     and every CJK character written in the project's own
//                     sources, catalogue and seeded services (~700 hanzi), so
//                     no label, button or seeded service name is ever a box.
//                     ~25% of the glyphs: the first frame waits for it alone.
//   civic-common.ttf  the 3,755 level-1 hanzi of GB 2312 (everyday Chinese,
//                     what residents type) minus those above; the web app
//                     fetches it right after its first interactive frame.
//   civic-cjk.ttf     both together, for the kiosk (read from disk at start).
// Rare characters (names, village names) come from make-rare-font.mjs's
// slices (web, fetched on demand) or the system font (kiosk).
// The web files keep only the tables stb_truetype reads for Dear ImGui (cmap,
// glyf, loca, head, hhea, hmtx, maxp, plus the small name/OS2/post): no
// layout tables (ImGui neither shapes nor kerns) and no vertical metrics.
// The kiosk's file keeps its kerning (its printed receipts use it). No hinting.
//
// usage: make-font.mjs SOURCE_DIR SYSTEM_FONT OUT_DIR
//   writes OUT_DIR/{civic-ui,civic-common,civic-cjk}.{ttf,chars.txt}
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, extname } from 'node:path';

const [srcDir, fontIn, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: make-font.mjs SOURCE_DIR SYSTEM_FONT OUT_DIR');
  process.exit(2);
}
const ui = new Set();
const addRange = (set, a, b) => { for (let c = a; c <= b; c++) set.add(c); };
addRange(ui, 0x20, 0x7e);
addRange(ui, 0xa0, 0xff);
addRange(ui, 0x2010, 0x2027);   // dashes, quotes, ellipsis
addRange(ui, 0x2190, 0x2193);   // arrows
addRange(ui, 0x3000, 0x303f);   // CJK punctuation
addRange(ui, 0xff01, 0xff5e);   // full-width ASCII
addRange(ui, 0xffe0, 0xffe6);   // full-width signs (¥)
// Every character the project itself writes.
const exts = new Set(['.cpp', '.hpp', '.h', '.json', '.sql', '.yaml', '.md', '.html', '.mjs', '.txt']);
const skip = new Set(['build', 'node_modules', '.deps', '.git', 'var']);
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p);
    else if (exts.has(extname(name)) && st.size < 2 << 20) {
      for (const ch of readFileSync(p, 'utf8')) {
        const c = ch.codePointAt(0);
        if (c >= 0x2e80 && c <= 0x9fff || c >= 0xf900 && c <= 0xfaff) ui.add(c);
      }
    }
  }
}
for (const d of ['core', 'ui', 'server', 'api', 'web', 'native']) {
  try { walk(join(srcDir, d)); } catch { /* folder may not exist yet */ }
}
// GB 2312 level 1: rows 0xB0–0xD7, columns 0xA1–0xFE (0xD7FA.. are unassigned).
const common = new Set();
const gbk = new TextDecoder('gbk');
for (let hi = 0xb0; hi <= 0xd7; hi++) {
  for (let lo = 0xa1; lo <= 0xfe; lo++) {
    if (hi === 0xd7 && lo > 0xf9) break;
    const c = gbk.decode(new Uint8Array([hi, lo])).codePointAt(0);
    if (!ui.has(c)) common.add(c);
  }
}

mkdirSync(outDir, { recursive: true });
function subset(name, set, lean) {
  const sorted = [...set].sort((a, b) => a - b);
  const chars = join(outDir, `${name}.chars.txt`);
  const out = join(outDir, `${name}.ttf`);
  writeFileSync(chars, sorted.map((c) => c.toString(16)).join('\n') + '\n');
  const drop = lean ? ['--layout-features=', '--drop-tables+=GPOS,GSUB,GDEF,BASE,JSTF,vhea,vmtx,VORG,gasp,kern'] : [];
  execFileSync('hb-subset', [`--font-file=${fontIn}`, '--face-index=0', `--unicodes-file=${chars}`,
    '--no-hinting', ...drop, `--output-file=${out}`], { stdio: 'inherit' });
  console.log(`make-font: ${name}: ${sorted.length} characters, ${(statSync(out).size / 1024).toFixed(0)} KiB`);
}
subset('civic-ui', ui, true);
subset('civic-common', common, true);
subset('civic-cjk', new Set([...ui, ...common]), false);
