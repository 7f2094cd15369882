// tests/server/uploads.test.mjs — resumable media uploads (tus 1.0.0 core +
// creation + checksum): create, PATCH in chunks (or POST with
// X-HTTP-Method-Override), resume after HEAD, refuse
// wrong offsets, types, sizes and checksums, then file with the media_url.
// Content checks (SECURITY.md row 9): the declared type must match the
// bytes, polyglots and traversal names are refused and nothing is kept.
// Files are built here from the core fixtures (no binary is committed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, call, form, goodFields, sourceDir } from './harness.mjs';

const fixture = (name) => readFileSync(path.join(sourceDir, 'tests/core/media_fixtures', name));
// A valid JPEG of about `size` bytes: the fixture with APP15 segments of
// filler inserted after SOI (metadata a camera might write).
function jpegOfSize(size) {
  const base = fixture('gray.jpg');
  const parts = [base.subarray(0, 2)];
  let have = base.length;
  while (have < size) {
    const n = Math.min(60000, size - have + 4);
    const seg = Buffer.alloc(n, 7);
    seg.writeUInt16BE(0xffef, 0);
    seg.writeUInt16BE(n - 2, 2);
    parts.push(seg);
    have += n;
  }
  parts.push(base.subarray(2));
  return Buffer.concat(parts);
}

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

const b64 = (s) => Buffer.from(s).toString('base64');
const sha256 = (buf) => createHash('sha256').update(buf).digest();
const tus = (extra = {}) => ({ 'Tus-Resumable': '1.0.0', ...extra });

async function create(bytes, type = 'image/jpeg', hash = sha256(bytes)) {
  return fetch(`${srv.base}uploads`, {
    method: 'POST',
    headers: tus({ 'Upload-Length': String(bytes.length), 'Upload-Metadata': `filetype ${b64(type)},sha256 ${hash.toString('base64')}` }),
  });
}
function patch(url, offset, chunk, extra = {}) {
  return fetch(url, {
    method: 'PATCH',
    headers: tus({ 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream', ...extra }),
    body: chunk,
  });
}

test('upload in chunks, resume with HEAD, then file with media_url', async () => {
  const photo = jpegOfSize(300_000);
  const c = await create(photo);
  assert.equal(c.status, 201);
  const url = c.headers.get('location');
  assert.match(url, /\/open311\/v2\/uploads\/[0-9a-f]{32}$/);

  let r = await patch(url, 0, photo.subarray(0, 100_000));
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('upload-offset'), '100000');

  const head = await fetch(url, { method: 'HEAD', headers: tus() });
  assert.equal(head.headers.get('upload-offset'), '100000');
  assert.equal(head.headers.get('upload-length'), String(photo.length));

  r = await patch(url, 0, photo.subarray(0, 10));
  assert.equal(r.status, 409, 'stale offset');
  const chunk = photo.subarray(100_000);
  r = await patch(url, 100_000, chunk, { 'Upload-Checksum': `sha256 ${sha256(chunk).toString('base64')}` });
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('upload-offset'), String(photo.length));

  const got = await fetch(url);
  assert.equal(got.status, 200);
  assert.equal(got.headers.get('content-type'), 'image/jpeg');
  assert.ok(Buffer.from(await got.arrayBuffer()).equals(photo));

  const filed = await call(`${srv.base}requests.json`, form(goodFields([['media_url', url], ['media_url', url]])));
  assert.equal(filed.status, 201, filed.text);
  const back = (await call(`${srv.base}requests/${filed.body[0].service_request_id}.json`)).body[0];
  assert.equal(back.media_url, url);
  assert.deepEqual(back.media_urls, [url, url]);
});

test('X-HTTP-Method-Override: PATCH as POST for clients behind proxies that drop PATCH', async (t) => {
  const photo = jpegOfSize(50_000);
  const url = (await create(photo)).headers.get('location');
  const post = (target, offset, chunk, override) => fetch(target, {
    method: 'POST',
    headers: tus({ 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream',
                   'X-HTTP-Method-Override': override }),
    body: chunk,
  });
  await t.test('a chunk sent as POST + override is appended', async () => {
    const r = await post(url, 0, photo.subarray(0, 20_000), 'PATCH');
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('upload-offset'), '20000');
  });
  await t.test('any other method in the override is refused, nothing appended', async () => {
    const r = await post(url, 20_000, photo.subarray(20_000), 'DELETE');
    assert.equal(r.status, 405);
    const head = await fetch(url, { method: 'HEAD', headers: tus() });
    assert.equal(head.headers.get('upload-offset'), '20000');
  });
  await t.test('the override reaches no route but uploads', async () => {
    const r = await fetch(`${srv.base}requests.json`, { method: 'POST', headers: { 'X-HTTP-Method-Override': 'PATCH' } });
    assert.equal(r.status, 405);
  });
  await t.test('the rest as POST + override completes the file', async () => {
    const r = await post(url, 20_000, photo.subarray(20_000), 'PATCH');
    assert.equal(r.status, 204);
    assert.ok(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(photo));
  });
});

test('refused uploads', async (t) => {
  const small = Buffer.from('hello');
  const rows = [
    { name: 'no Tus-Resumable', go: () => fetch(`${srv.base}uploads`, { method: 'POST', headers: { 'Upload-Length': '5' } }), status: 412 },
    { name: 'too large', go: () => fetch(`${srv.base}uploads`, { method: 'POST', headers: tus({ 'Upload-Length': String(21 << 20), 'Upload-Metadata': `filetype ${b64('image/jpeg')}` }) }), status: 413 },
    { name: 'type not accepted', go: () => create(small, 'application/x-msdownload'), status: 415 },
    { name: 'bad metadata', go: () => fetch(`${srv.base}uploads`, { method: 'POST', headers: tus({ 'Upload-Length': '5', 'Upload-Metadata': 'filetype !!!' }) }), status: 400 },
    { name: 'unknown upload', go: () => patch(`${srv.base}uploads/${'0'.repeat(32)}`, 0, small), status: 404 },
    { name: 'traversal in the id', go: () => patch(`${srv.base}uploads/..%2f..%2fkeys`, 0, small), status: 404 },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const r = await row.go();
      assert.equal(r.status, row.status);
    });
  }
  await t.test('whole-file hash mismatch throws the bytes away', async () => {
    const png = fixture('rgba.png');
    const c = await create(png, 'image/png', sha256(Buffer.from('other')));
    const url = c.headers.get('location');
    const r = await patch(url, 0, png);
    assert.equal(r.status, 460);
    const head = await fetch(url, { method: 'HEAD', headers: tus() });
    assert.equal(head.headers.get('upload-offset'), '0');
  });
  await t.test('chunk checksum mismatch', async () => {
    const c = await create(small, 'image/png');
    const r = await patch(c.headers.get('location'), 0, small, { 'Upload-Checksum': `sha256 ${sha256(Buffer.from('x')).toString('base64')}` });
    assert.equal(r.status, 460);
  });
  await t.test('OPTIONS advertises tus', async () => {
    const r = await fetch(`${srv.base}uploads`, { method: 'OPTIONS' });
    assert.equal(r.headers.get('tus-version'), '1.0.0');
    assert.match(r.headers.get('tus-extension'), /creation/);
  });
});

// Uploads one file in two chunks (the first 16 bytes, then the rest) and
// returns the answers.
async function upload(bytes, type, meta = '') {
  const c = await fetch(`${srv.base}uploads`, {
    method: 'POST',
    headers: tus({ 'Upload-Length': String(bytes.length), 'Upload-Metadata': `filetype ${b64(type)}${meta}` }),
  });
  if (c.status !== 201) return { create: c };
  const url = c.headers.get('location');
  const first = await patch(url, 0, bytes.subarray(0, 16));
  if (first.status !== 204) return { url, first, last: first };
  const last = await patch(url, 16, bytes.subarray(16));
  return { url, first, last };
}

const uploadIds = () => new Set(readdirSync(path.join(srv.dir, 'media')).map((f) => f.replace(/\..*$/, '')));

test('content checks: type mismatch, polyglots and bad names are refused, and nothing is kept', async (t) => {
  const jpeg = fixture('gray.jpg');
  const png = fixture('rgba.png');
  const zip = Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00shell.php<?php system($_GET["c"]); ?>', 'latin1');
  const comment = (text) => {
    const body = Buffer.from(text, 'latin1');
    const seg = Buffer.alloc(4);
    seg.writeUInt16BE(0xfffe, 0);
    seg.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([jpeg.subarray(0, 2), seg, body, jpeg.subarray(2)]);
  };
  const rows = [
    { name: 'a PNG declared as JPEG: refused at the first chunk', bytes: png, type: 'image/jpeg', at: 'first', status: 415, id: 'security.upload_type_mismatch' },
    { name: 'an HTML page declared as PNG', bytes: Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), type: 'image/png', at: 'first', status: 415, id: 'security.upload_type_mismatch' },
    { name: 'a ZIP declared as MP4', bytes: zip, type: 'video/mp4', at: 'first', status: 415, id: 'security.upload_type_mismatch' },
    { name: 'a JPEG with a ZIP appended after EOI', bytes: Buffer.concat([jpeg, zip]), type: 'image/jpeg', at: 'last', status: 422, id: 'security.upload_trailing_data' },
    { name: 'a JPEG with HTML appended after EOI', bytes: Buffer.concat([jpeg, Buffer.from('<html><script>alert(1)</script></html>')]), type: 'image/jpeg', at: 'last', status: 422, id: 'security.upload_trailing_data' },
    { name: 'a PNG with PHP after IEND', bytes: Buffer.concat([png, Buffer.from('<?php echo 1; ?>')]), type: 'image/png', at: 'last', status: 422, id: 'security.upload_trailing_data' },
    { name: 'a JPEG/JavaScript polyglot (script in a comment)', bytes: comment('*/=0;<script>alert(1)</script>/*'), type: 'image/jpeg', at: 'last', status: 422, id: 'security.upload_active_content' },
    { name: 'a JPEG cut short (no EOI)', bytes: jpeg.subarray(0, jpeg.length - 2), type: 'image/jpeg', at: 'last', status: 422, id: 'security.upload_malformed' },
  ];
  for (const row of rows) {
    await t.test(row.name, async () => {
      const before = uploadIds();
      const r = await upload(row.bytes, row.type);
      const answer = row.at === 'first' ? r.first : r.last;
      assert.equal(answer.status, row.status);
      const body = await answer.json();
      assert.equal(body[0].message_id, row.id);
      assert.ok(body[0].description.length > 0);
      // Nothing stored: the upload is gone (404) and leaves no file behind.
      assert.equal((await fetch(r.url)).status, 404);
      assert.equal((await fetch(r.url, { method: 'HEAD', headers: tus() })).status, 404);
      const id = r.url.split('/').pop();
      assert.ok(!uploadIds().has(id), `no file left for ${id}`);
      assert.ok([...uploadIds()].every((x) => before.has(x)));
    });
  }
  await t.test('file names with traversal or control characters are refused at creation', async () => {
    for (const name of ['../../keys/receipt_ed25519.key', '..\\x.jpg', 'a.jpg\nforged log line', '.htaccess', 'photo\u202egpj.exe']) {
      const r = await upload(jpeg, 'image/jpeg', `,filename ${b64(name)}`);
      assert.equal(r.create?.status, 400, JSON.stringify(name));
      assert.equal((await r.create.json())[0].message_id, 'security.upload_bad_name');
    }
    const ok = await upload(jpeg, 'image/jpeg', `,filename ${b64('路灯.jpg')}`);
    assert.equal(ok.last.status, 204);
  });
  await t.test('a clean file declared rightly is kept and served with its type', async () => {
    const r = await upload(png, 'image/png');
    assert.equal(r.last.status, 204);
    const got = await fetch(r.url);
    assert.equal(got.headers.get('content-type'), 'image/png');
    assert.ok(Buffer.from(await got.arrayBuffer()).equals(png));
  });
});
