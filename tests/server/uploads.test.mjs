// tests/server/uploads.test.mjs — resumable media uploads (tus 1.0.0 core +
// creation + checksum): create, PATCH in chunks, resume after HEAD, refuse
// wrong offsets, types, sizes and checksums, then file with the media_url.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, call, form, goodFields } from './harness.mjs';

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
  const photo = Buffer.alloc(300_000, 7);
  photo.write('\xff\xd8\xff', 0, 'latin1');
  const c = await create(photo);
  assert.equal(c.status, 201);
  const url = c.headers.get('location');
  assert.match(url, /\/open311\/v2\/uploads\/[0-9a-f]{32}$/);

  let r = await patch(url, 0, photo.subarray(0, 100_000));
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('upload-offset'), '100000');

  const head = await fetch(url, { method: 'HEAD', headers: tus() });
  assert.equal(head.headers.get('upload-offset'), '100000');
  assert.equal(head.headers.get('upload-length'), '300000');

  r = await patch(url, 0, photo.subarray(0, 10));
  assert.equal(r.status, 409, 'stale offset');
  const chunk = photo.subarray(100_000);
  r = await patch(url, 100_000, chunk, { 'Upload-Checksum': `sha256 ${sha256(chunk).toString('base64')}` });
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('upload-offset'), '300000');

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
    const c = await create(small, 'image/png', sha256(Buffer.from('other')));
    const url = c.headers.get('location');
    const r = await patch(url, 0, small);
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
