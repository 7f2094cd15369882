// tests/cli/video.test.mjs — `civic file --video`: a video is stored as is
// (never re-encoded) beside the entry and uploaded by tus in chunks with its
// type; the ticket's media is the very file (size and SHA-256), an MP4 as
// video/mp4 and an iPhone-style MOV as video/quicktime. A file the server
// would refuse is refused before anything is queued: exit 1 with the
// reason in the resident's language, and no entry left behind. A video that
// records where it was shot (Android's udta/©xyz, an iPhone's location keys)
// goes up without the place: the server's copy has the same size and no
// coordinates, stderr says how many location items were removed, and the
// resident's own file is untouched.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, before, after } from 'node:test';

import { bin, startServer, call } from '../server/harness.mjs';
import { makeMp4 } from '../server/mp4.mjs';

let server;
let work;

before(async () => {
  server = await startServer({ args: ['--rate-limit', '0', '--read-rate-limit', '0'] });
  work = mkdtempSync(path.join(tmpdir(), 'civic-video-'));
});
after(async () => {
  if (server) await server.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const sha256 = (b) => createHash('sha256').update(b).digest('hex');

function civic(args, dataDir, lang = 'en', global = []) {
  return new Promise((resolve) => {
    execFile(path.join(bin, 'civic'), ['--server', server.base, '--data-dir', dataDir, '--lang', lang, ...global, ...args],
      { env: { ...process.env, LANG: 'C', CIVIC_UPLOAD_CHUNK_BYTES: String(256 * 1024) } },
      (err, stdout, stderr) => resolve({ code: err ? err.code : 0, out: stdout, err: stderr }));
  });
}

const FILE = ['file', '--service', 'streetlight-out', '--description', '路灯杆被车撞倒，附现场视频',
  '--lat', '22.5431', '--long', '114.0579', '--phone', '13800138000', '--attr', 'problem=out', '--attr', 'lights_out=1'];

test('civic file --video uploads the file as is, with its video type', async (t) => {
  const rows = [
    { name: 'an MP4', file: 'clip.mp4', bytes: makeMp4(700_000), type: 'video/mp4' },
    { name: 'an iPhone MOV', file: 'IMG_0042.MOV', bytes: makeMp4(300_000, 'qt  '), type: 'video/quicktime' },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const dataDir = path.join(work, `data-${row.file}`);
      const file = path.join(work, row.file);
      writeFileSync(file, row.bytes);
      const r = await civic([...FILE, '--video', file], dataDir, 'en', ['--json']);
      assert.equal(r.code, 0, r.err);
      const id = JSON.parse(r.out).service_request_id;
      const ticket = await call(`${server.base}requests/${id}.json`);
      const url = ticket.body[0].media_url;
      assert.ok(url && url.includes('/uploads/'), `the ticket names the upload (${url})`);
      const got = await fetch(url);
      assert.equal(got.status, 200);
      assert.match(got.headers.get('content-type'), new RegExp('^' + row.type.replace('/', '\\/')));
      const body = Buffer.from(await got.arrayBuffer());
      assert.equal(body.length, row.bytes.length, 'the whole file, over several chunks');
      assert.equal(sha256(body), sha256(row.bytes), 'byte for byte: not re-encoded');
    });
  }
});

test('civic file --video sends a video without the place it was shot, and leaves the file alone', async (t) => {
  const WHERE = '+22.5431+114.0579/';
  const rows = [
    { name: 'an Android MP4 with udta/©xyz', file: 'VID_20261127.mp4', lang: 'en',
      bytes: makeMp4(400_000, 'isom', { xyz: WHERE }), type: 'video/mp4',
      says: 'Removed the location recorded by the camera from video VID_20261127.mp4 (entries removed: 1).' },
    { name: 'an iPhone MOV with location keys', file: 'IMG_0043.MOV', lang: 'zh-CN',
      bytes: makeMp4(300_000, 'qt  ', { appleLocation: '+22.5431+114.0579+012.345/' }), type: 'video/quicktime',
      says: '视频 IMG_0043.MOV：已删除 2 项拍摄位置信息' },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      assert.ok(row.bytes.includes('+22.5431+114.0579'), 'the test file carries the place');
      const dataDir = path.join(work, `data-loc-${row.file}`);
      const file = path.join(work, row.file);
      writeFileSync(file, row.bytes);
      const r = await civic([...FILE, '--video', file], dataDir, row.lang, ['--json']);
      assert.equal(r.code, 0, r.err);
      assert.ok(r.err.includes(row.says), r.err);
      const id = JSON.parse(r.out).service_request_id;
      const ticket = await call(`${server.base}requests/${id}.json`);
      const got = await fetch(ticket.body[0].media_url);
      assert.equal(got.status, 200);
      assert.match(got.headers.get('content-type'), new RegExp('^' + row.type.replace('/', '\\/')));
      const body = Buffer.from(await got.arrayBuffer());
      assert.equal(body.length, row.bytes.length, 'blanked in place: same size, every chunk offset still right');
      assert.ok(!body.includes('+22.54'), 'no coordinates reach the server');
      assert.ok(!body.includes('14.989691'), 'nor the accuracy of the fix');
      const tail = row.bytes.length - 300_000;
      assert.ok(body.subarray(tail).equals(row.bytes.subarray(tail)), 'the frames (mdat) are the very bytes');
      assert.equal(sha256(readFileSync(file)), sha256(row.bytes), "the resident's file is not modified");
    });
  }
  await t.test('a video without a location says nothing about it', async () => {
    const dataDir = path.join(work, 'data-noloc');
    const file = path.join(work, 'plain.mp4');
    writeFileSync(file, makeMp4(10_000));
    const r = await civic([...FILE, '--video', file], dataDir, 'en', ['--json']);
    assert.equal(r.code, 0, r.err);
    assert.ok(!r.err.includes('location'), r.err);
  });
});

test('civic file --video refuses what the server would refuse, before queueing anything', async (t) => {
  const big = path.join(work, 'long.mp4');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 21 * 1024 * 1024);   // sparse: never read
  closeSync(fd);
  const fake = path.join(work, 'x.mp4');
  writeFileSync(fake, 'not a video at all, just words\n'.repeat(10));
  const trailing = path.join(work, 'polyglot.mp4');
  writeFileSync(trailing, Buffer.concat([makeMp4(1000), Buffer.from('<html><script>alert(1)</script></html>')]));
  // Top-level boxes tile the file (the server would keep it), but moov's
  // udta lies about its size, so its ©xyz cannot be found for sure.
  const lying = makeMp4(1000, 'isom', { xyz: '+22.5431+114.0579/' });
  const udta = lying.indexOf('udta') - 4;
  lying.writeUInt32BE(lying.readUInt32BE(udta) + 100, udta);
  const lyingFile = path.join(work, 'lying.mp4');
  writeFileSync(lyingFile, lying);
  const avi = path.join(work, 'clip.avi');
  writeFileSync(avi, Buffer.from('RIFF\0\0\0\0AVI LIST'));
  const rows = [
    { name: 'over the 20 MB cap', args: ['--video', big], lang: 'zh-CN', says: '视频 long.mp4 太大（21.0 MB），每段最多 20 MB' },
    { name: 'named .mp4 but not an MP4', args: ['--video', fake], lang: 'zh-CN', says: '文件 x.mp4 不是可用的视频' },
    { name: 'an MP4 with a page after its boxes', args: ['--video', trailing], lang: 'en', says: 'The file polyglot.mp4 is not a usable video' },
    { name: 'an MP4 whose boxes inside moov lie (its location cannot be checked)', args: ['--video', lyingFile], lang: 'zh-CN',
      says: '无法检查视频 lying.mp4 中的位置信息，为保护隐私未添加' },
    { name: 'a type the server cannot check', args: ['--video', avi], lang: 'en', says: 'MP4, MOV or WebM' },
    { name: 'three videos', args: ['--video', fake, '--video', fake, '--video', fake], lang: 'en', says: 'at most 2 videos', usage: true },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const dataDir = path.join(work, `refused-${rows.indexOf(row)}`);
      const r = await civic([...FILE, ...row.args], dataDir, row.lang);
      assert.equal(r.code, row.usage ? 2 : 1, r.err);
      assert.ok(r.err.includes(row.says), r.err);
      const outbox = path.join(dataDir, 'outbox');
      const entries = existsSync(outbox) ? readdirSync(outbox).filter((n) => n.endsWith('.entry')) : [];
      assert.deepEqual(entries, [], 'nothing queued');
    });
  }
});
