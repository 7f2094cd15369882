// tests/kiosk/photo.test.mjs — a photo attached at the hall kiosk from its
// document camera's folder (--photo-dir), under xvfb-run against a real
// civic-server: compressed on the kiosk's worker thread (core/media), turned
// in the editor (GPU preview), refused in place when the file is not an
// image (the form keeps its text), and delivered by tus with the concern.
// On the server: an upright JPEG with no EXIF at all (no GPS leaves the hall).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, call } from '../server/harness.mjs';
import { startKiosk, sourceDir } from './harness.mjs';
import { fileConcern } from './session_flow.mjs';

// JPEG SOF0/SOF2 frame size.
function jpegSize(buf) {
  for (let i = 2; i + 9 < buf.length;) {
    if (buf[i] !== 0xff) return null;
    const marker = buf[i + 1];
    const len = buf.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2) return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  return null;
}

test('a document-camera photo: compressed, turned, refused when not an image, delivered without EXIF', async () => {
  const server = await startServer();
  const photos = mkdtempSync(path.join(tmpdir(), 'civic-photo-dir-'));
  // exif_gps.jpg: stored 640 x 480 (say), EXIF orientation 6 and a GPS position.
  const fixture = path.join(sourceDir, 'tests/core/media_fixtures/exif_gps.jpg');
  copyFileSync(fixture, path.join(photos, 'scan-001.jpg'));
  const kiosk = startKiosk({ server: server.base, args: ['--lang', 'en', '--photo-dir', photos] });
  try {
    assert.ok((await kiosk.send('wait group/0 30000')).ok, kiosk.stderr());
    const node = await fileConcern(kiosk, {
      description: 'The lamp at the gate is out',
      phone: '13800138000',
      typeLocation: true,
      beforeSubmit: async () => {
        // The newest file in the folder becomes photo 1.
        assert.ok((await kiosk.send('tap photo/add')).ok);
        let r = await kiosk.send('wait photo/1/thumb 30000');
        assert.ok(r.ok, `photo 1 never became ready: ${JSON.stringify(await kiosk.nodes())} ${kiosk.stderr()}`);
        // A file that is not an image: refused in place, the text stays.
        writeFileSync(path.join(photos, 'notes.txt'), 'not a photo at all\n');
        const later = Date.now() / 1000 + 5;
        utimesSync(path.join(photos, 'notes.txt'), later, later);
        assert.ok((await kiosk.send('tap photo/add')).ok);
        r = await kiosk.send('wait photo/2/error 30000');
        assert.ok(r.ok, 'the bad file shows an error where it was added');
        let nodes = await kiosk.nodes();
        const err = nodes.find((n) => n.id === 'photo/2/error');
        assert.match(err.name, /not an image/i);
        assert.equal(nodes.find((n) => n.id === 'field/description').value, 'The lamp at the gate is out');
        assert.ok((await kiosk.send('tap photo/2/remove')).ok);
        // The editor: a quarter turn back, applied, re-made from the raw bytes.
        assert.ok((await kiosk.send('tap photo/1/edit')).ok);
        assert.ok((await kiosk.send('wait photo/preview 10000')).ok, 'the GPU preview is drawn');
        nodes = await kiosk.nodes();
        for (const id of ['photo/rotate_left', 'photo/rotate_right', 'photo/mode_crop', 'photo/apply', 'photo/cancel'])
          assert.ok(nodes.some((n) => n.id === id && n.name), `${id} is a named node`);
        assert.ok((await kiosk.send('tap photo/rotate_left')).ok);
        assert.ok((await kiosk.send('wait-text 270')).ok, 'the preview says it is turned');
        assert.ok((await kiosk.send('tap photo/apply')).ok);
        assert.ok((await kiosk.send('wait photo/1/thumb 30000')).ok);
        assert.ok((await kiosk.send('wait-idle')).ok);
      },
    });
    assert.ok(node, 'a ticket number');
    const id = node.value || node.name.match(/[0-9A-Z-]{6,}/)?.[0];
    const list = await call(`${server.base}requests.json`);
    const t = list.body.find((x) => x.media_url);
    assert.ok(t, `the ticket carries the photo (${JSON.stringify(list.body)}) ${id}`);
    const got = Buffer.from(await (await fetch(t.media_url)).arrayBuffer());
    assert.equal(got[0], 0xff);
    assert.equal(got[1], 0xd8);
    assert.ok(!got.includes(Buffer.from('Exif\0')), 'no EXIF block on the server');
    const size = jpegSize(got);
    assert.ok(size, 'a readable JPEG');
    // Orientation 6 made upright (portrait), then turned back a quarter: landscape.
    assert.ok(size.width > size.height, `turned as the resident asked: ${size.width}x${size.height}`);
  } finally {
    await kiosk.stop();
    await server.stop();
    rmSync(photos, { recursive: true, force: true });
  }
});
