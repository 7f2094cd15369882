#!/usr/bin/env node
// scripts/make-rare-font.mjs — the fallback font for rare characters (names
// and addresses: 燚, 堃, 喆, 珺, village names…), sliced so a phone fetches
// only what it needs.
// Why: the shipped subset (make-font.mjs) holds the 3,755 everyday hanzi and
// the project's own words; a resident's name or street may need any of the
// ~17,000 other characters the system font has (2.9 MB as one file, far over
// a phone's budget for one character). Like the unicode-range slices of web
// font services, the characters are cut into fixed blocks of SLICE code
// points — slice N holds [N*SLICE, N*SLICE+SLICE) — so the client finds a
// character's file by arithmetic (web/main.cpp), with no index to download
// first. Slices are not part of the app package (they are fetched on demand,
// as a mini-program loads remote fonts); tests/web/budget.bench.mjs prints
// their total apart.
//
// usage: make-rare-font.mjs SYSTEM_FONT PRIMARY_CHARS.txt OUT_DIR
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SLICE = 512;
const [fontIn, primaryChars, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: make-rare-font.mjs SYSTEM_FONT PRIMARY_CHARS.txt OUT_DIR');
  process.exit(2);
}
// What the system font covers (fontconfig's charset: hex ranges "4e00-9fa5 …").
const charset = execFileSync('fc-query', ['-i', '0', '-f', '%{charset}', fontIn], { encoding: 'utf8' });
const have = new Set();
for (const r of charset.split(/\s+/)) {
  if (!r) continue;
  const [a, b] = r.split('-').map((x) => parseInt(x, 16));
  for (let c = a; c <= (b ?? a); c++) have.add(c);
}
const primary = new Set(readFileSync(primaryChars, 'utf8').split(/\s+/).filter(Boolean).map((x) => parseInt(x, 16)));
// CJK Unified Ideographs and Extension A (the BMP: Dear ImGui draws UTF-16 units).
const rare = [];
for (let c = 0x3400; c <= 0x9fff; c++) if (have.has(c) && !primary.has(c)) rare.push(c);

mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) rmSync(join(outDir, f));
const slices = new Map();
for (const c of rare) {
  const n = Math.floor(c / SLICE);
  if (!slices.has(n)) slices.set(n, []);
  slices.get(n).push(c);
}
let total = 0;
for (const [n, cps] of slices) {
  const name = (n * SLICE).toString(16).padStart(4, '0');
  const list = join(outDir, `${name}.txt`);
  writeFileSync(list, cps.map((c) => c.toString(16)).join('\n') + '\n');
  const out = join(outDir, `${name}.ttf`);
  execFileSync('hb-subset', [`--font-file=${fontIn}`, '--face-index=0', `--unicodes-file=${list}`, '--no-hinting',
    `--output-file=${out}`], { stdio: 'inherit' });
  rmSync(list);
  total += statSync(out).size;
}
console.log(`make-rare-font: ${rare.length} characters in ${slices.size} slices of ${SLICE} code points, ` +
  `${(total / 1024).toFixed(0)} KiB -> ${outDir}`);
