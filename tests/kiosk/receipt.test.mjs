// tests/kiosk/receipt.test.mjs — the receipt a resident takes home, under
// xvfb-run against a real civic-server: the QR on screen and in the PNG and
// the PDF (decoded with zbarimg from Debian's zbar-tools) opens the ticket's
// page under --public-url; the signed receipt is checked against the
// server's key (pinned on first use; a changed key is reported, never
// accepted); with --printer the PDF goes to `lp -d QUEUE` (a stand-in lp on
// PATH records its argv), and a failing printer is said on screen while the
// files are still written. No receipt file holds what the resident typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync }
  from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { startServer } from '../server/harness.mjs';
import { startKiosk, screenshotDir } from './harness.mjs';
import { fileConcern, filesHolding } from './session_flow.mjs';

const PUBLIC = 'https://civic.example.org/app/';
let server;
let kiosk;
let work;
let dataDir;
let lpDir;

before(async () => {
  server = await startServer();
  work = mkdtempSync(path.join(tmpdir(), 'civic-receipt-'));
  dataDir = path.join(work, 'data');
  lpDir = path.join(work, 'lp');
  mkdirSync(lpDir);
  // A stand-in for CUPS' lp: records argv, keeps a copy of the file, fails on demand.
  writeFileSync(path.join(lpDir, 'lp'), `#!/bin/sh
[ -e "${lpDir}/fail" ] && { echo "lp: printer hall-1 is not ready" >&2; exit 1; }
n=$(ls "${lpDir}" | grep -c '^job')
printf '%s\\n' "$@" > "${lpDir}/job$n.args"
for last; do :; done
cp "$last" "${lpDir}/job$n.pdf"
`);
  chmodSync(path.join(lpDir, 'lp'), 0o755);
  kiosk = startKiosk({
    server: server.base,
    args: ['--lang', 'en', '--data-dir', dataDir, '--public-url', PUBLIC, '--printer', 'hall-1',
      '--idle-seconds', '0'],
    env: { ...process.env, PATH: `${lpDir}:${process.env.PATH}` },
  });
  assert.ok((await kiosk.send('wait group/0 30000')).ok, kiosk.stderr());
});

after(async () => {
  if (kiosk) await kiosk.stop();
  if (server) await server.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const zbar = (file) => execFileSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' }).trim();

// The one image XObject of our PDF, as a PGM zbarimg can read; also checks
// that the cross-reference table points at every object.
function pdfImageToPgm(pdfFile, pgmFile) {
  const pdf = readFileSync(pdfFile);
  const text = pdf.toString('latin1');
  assert.ok(text.startsWith('%PDF-1.4\n'));
  assert.ok(text.trimEnd().endsWith('%%EOF'));
  const xref = Number(text.match(/startxref\n(\d+)\n/)[1]);
  assert.equal(text.slice(xref, xref + 4), 'xref');
  const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  assert.equal(offsets.length, 5);
  offsets.forEach((off, i) => assert.ok(text.startsWith(`${i + 1} 0 obj`, off), `object ${i + 1} offset`));
  const m = text.match(/\/Width (\d+) \/Height (\d+) \/ColorSpace \/DeviceGray \/BitsPerComponent 8 \/Filter \/FlateDecode \/Length (\d+) >>\nstream\n/);
  assert.ok(m, 'no grey image XObject');
  const start = m.index + m[0].length;
  const px = inflateSync(pdf.subarray(start, start + Number(m[3])));
  const [w, h] = [Number(m[1]), Number(m[2])];
  assert.equal(px.length, w * h);
  writeFileSync(pgmFile, Buffer.concat([Buffer.from(`P5\n${w} ${h}\n255\n`), px]));
}

const receiptFiles = () => readdirSync(path.join(dataDir, 'receipts')).sort();

test('a receipt with a QR to the ticket page, checked, printed and saved', async () => {
  const description = 'Receipt test: the lamp at the north gate is dark';
  const phone = '13700001111';
  const number = await fileConcern(kiosk, { description, phone, typeLocation: true });
  const id = number.name;
  assert.ok((await kiosk.send('wait receipt/qr 15000')).ok);
  assert.ok((await kiosk.send('wait-idle')).ok);
  await kiosk.send(`screenshot ${path.join(screenshotDir, 'kiosk-receipt-qr-en.png')}`);
  const nodes = await kiosk.nodes();
  const url = `${PUBLIC.replace(/\/$/, '')}/#/ticket/${id}`;
  assert.equal(nodes.find((n) => n.id === 'receipt/qr').value, url);
  // The signature holds under the server's published receipt key (pinned now).
  const caps = await (await fetch(`${server.base}civic/capabilities.json`)).json();
  const keyId = caps.extensions.receipts.key_id;
  const check = nodes.find((n) => n.id === 'receipt/check');
  assert.equal(check.role, 'status');
  assert.ok(check.name.includes(keyId), check.name);
  assert.match(nodes.find((n) => n.id === 'receipt/output').name, /hall-1/);
  // PNG and PDF written; both QR codes open the ticket page.
  const files = receiptFiles();
  assert.deepEqual(files.map((f) => path.extname(f)), ['.pdf', '.png']);
  const png = path.join(dataDir, 'receipts', files[1]);
  assert.equal(zbar(png), url);
  const pgm = path.join(work, 'pdf-image.pgm');
  pdfImageToPgm(path.join(dataDir, 'receipts', files[0]), pgm);
  assert.equal(zbar(pgm), url);
  // lp got the PDF for queue hall-1, without a shell in between.
  assert.deepEqual(readFileSync(path.join(lpDir, 'job0.args'), 'utf8').trim().split('\n'),
    ['-d', 'hall-1', '-t', 'civic-receipt', path.join(dataDir, 'receipts', files[0])]);
  assert.ok(readFileSync(path.join(lpDir, 'job0.pdf')).equals(readFileSync(path.join(dataDir, 'receipts', files[0]))));
  // Nothing the resident typed is on a receipt (the PDF's words are pixels;
  // the file names and the pins hold ids and keys only).
  assert.deepEqual(filesHolding(path.join(dataDir, 'receipts'), [description, phone]), []);
  assert.ok((await kiosk.send('tap finish')).ok);
  assert.ok((await kiosk.send('wait group/0')).ok);
});

test('a changed server key is reported and a failed print is said on screen; files are still written', async () => {
  // Someone swapped the pinned key: the check must name the change.
  const pinsFile = path.join(dataDir, 'pins.json');
  const pins = JSON.parse(readFileSync(pinsFile, 'utf8'));
  const real = pins.pins[0].public_key;
  pins.pins[0].public_key = Buffer.alloc(32, 7).toString('base64');
  writeFileSync(pinsFile, JSON.stringify(pins));
  writeFileSync(path.join(lpDir, 'fail'), '');
  const before = receiptFiles().length;
  await fileConcern(kiosk, { description: 'Second receipt, changed key', phone: '13700002222', typeLocation: true });
  assert.ok((await kiosk.send('wait receipt/check 15000')).ok);
  assert.ok((await kiosk.send('wait-idle')).ok);
  const nodes = await kiosk.nodes();
  const check = nodes.find((n) => n.id === 'receipt/check');
  assert.equal(check.role, 'alert');
  const output = nodes.find((n) => n.id === 'receipt/output');
  assert.equal(output.role, 'alert');
  assert.match(output.name, /hall-1/);
  await kiosk.send(`screenshot ${path.join(screenshotDir, 'kiosk-receipt-problems-en.png')}`);
  assert.equal(receiptFiles().length, before + 2);
  // The store was not overwritten with the offered key.
  assert.notEqual(JSON.parse(readFileSync(pinsFile, 'utf8')).pins[0].public_key, real);
  assert.ok(!existsSync(path.join(lpDir, 'job1.args')));
});
