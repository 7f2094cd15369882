#!/usr/bin/env node
// scripts/make-font.mjs — build the CJK font subset the UI ships.
// Why: a full CJK font is 5–20 MB; a phone on a mobile network must get the
// app in ~600 KB. We keep: printable ASCII and Latin-1, general and CJK
// punctuation, full-width forms, the 3,755 level-1 hanzi of GB 2312 (the
// characters of everyday Chinese), and every non-ASCII character written in
// the project's own sources and catalogue (so no UI label or seeded service
// name can ever show a missing-glyph box). Rare characters typed by a resident
// come from a fallback font loaded lazily (web) or the system font (kiosk).
//
// usage: make-font.mjs SOURCE_DIR SYSTEM_FONT OUT.ttf OUT.chars.txt
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, extname } from 'node:path';

const [srcDir, fontIn, fontOut, charsOut] = process.argv.slice(2);
if (!charsOut) {
  console.error('usage: make-font.mjs SOURCE_DIR SYSTEM_FONT OUT.ttf OUT.chars.txt');
  process.exit(2);
}
const chars = new Set();
const addRange = (a, b) => { for (let c = a; c <= b; c++) chars.add(c); };
addRange(0x20, 0x7e);
addRange(0xa0, 0xff);
addRange(0x2010, 0x2027);   // dashes, quotes, ellipsis
addRange(0x2190, 0x2193);   // arrows
addRange(0x3000, 0x303f);   // CJK punctuation
addRange(0xff01, 0xff5e);   // full-width ASCII
addRange(0xffe0, 0xffe6);   // full-width signs (¥)
// GB 2312 level 1: rows 0xB0–0xD7, columns 0xA1–0xFE (0xD7FA.. are unassigned).
const gbk = new TextDecoder('gbk');
for (let hi = 0xb0; hi <= 0xd7; hi++) {
  for (let lo = 0xa1; lo <= 0xfe; lo++) {
    if (hi === 0xd7 && lo > 0xf9) break;
    const s = gbk.decode(new Uint8Array([hi, lo]));
    chars.add(s.codePointAt(0));
  }
}
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
        if (c >= 0x2e80 && c <= 0x9fff || c >= 0xf900 && c <= 0xfaff) chars.add(c);
      }
    }
  }
}
for (const d of ['core', 'ui', 'server', 'api', 'web', 'native']) {
  try { walk(join(srcDir, d)); } catch { /* folder may not exist yet */ }
}
const sorted = [...chars].sort((a, b) => a - b);
mkdirSync(dirname(fontOut), { recursive: true });
writeFileSync(charsOut, sorted.map(c => c.toString(16)).join('\n') + '\n');
execFileSync('hb-subset', [`--font-file=${fontIn}`, '--face-index=0', `--unicodes-file=${charsOut}`,
  '--no-hinting', `--output-file=${fontOut}`], { stdio: 'inherit' });
const size = statSync(fontOut).size;
console.log(`make-font: ${sorted.length} characters, ${(size / 1024).toFixed(0)} KiB -> ${fontOut}`);
