// tests/server/mp4.mjs — a small but valid MP4, made in the test (ffmpeg is
// not installed, and no binary is committed): ISO/IEC 14496-12 top-level
// boxes ftyp (major brand `isom`), moov holding a version-0 mvhd
// (timescale 1000, 3 s, identity matrix), and mdat of deterministic noise
// (like compressed frames). The server walks the top-level boxes to the
// file's end (core/media/upload_check walk_bmff): they tile it exactly.
// `brand` 'qt  ' makes an iPhone-style MOV. Where a phone records the
// place: `xyz` (an ISO 6709 string) adds Android's moov/udta/©xyz
// (MPEG4Writer::writeGeoDataBox: u16 length, u16 language, the string);
// `appleLocation` adds an iPhone's moov/meta ('mdta' handler) with the keys
// com.apple.quicktime.location.ISO6709 and ...accuracy.horizontal beside
// com.apple.quicktime.make, their values in ilst items typed by key index.
// `durationMs` sets mvhd's duration (timescale 1000; default 3 s).
function box(type, ...payload) {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function u32(v) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v >>> 0, 0);
  return b;
}

function androidXyz(where) {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(where.length, 0);
  head.writeUInt16BE(0x15c7, 2);
  return box('udta', box('\xa9xyz', head, Buffer.from(where, 'latin1')));
}

function appleMeta(where) {
  const kv = [['com.apple.quicktime.location.accuracy.horizontal', '14.989691'],
    ['com.apple.quicktime.location.ISO6709', where], ['com.apple.quicktime.make', 'Apple']];
  const hdlr = box('hdlr', Buffer.alloc(8), Buffer.from('mdta'), Buffer.alloc(13));
  const keys = box('keys', u32(0), u32(kv.length), ...kv.map(([k]) => Buffer.concat([u32(8 + k.length), Buffer.from('mdta'), Buffer.from(k)])));
  const items = kv.map(([, v], i) => box(u32(i + 1).toString('latin1'), box('data', u32(1), u32(0), Buffer.from(v))));
  return box('meta', hdlr, keys, box('ilst', ...items));
}

export function makeMp4(mdatBytes, brand = 'isom', { xyz = '', appleLocation = '', durationMs = 3000 } = {}) {
  const compatible = brand === 'qt  ' ? 'qt  ' : 'isomiso2avc1mp41';
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from(compatible, 'latin1'));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);        // timescale
  mvhd.writeUInt32BE(durationMs, 16);  // duration
  mvhd.writeUInt32BE(0x00010000, 20);  // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24);      // volume 1.0
  for (const [i, v] of [[36, 0x00010000], [52, 0x00010000], [68, 0x40000000]]) mvhd.writeUInt32BE(v, i);
  mvhd.writeUInt32BE(2, 96);           // next track id
  const data = Buffer.alloc(mdatBytes);
  let x = 0x12345678;
  for (let i = 0; i < data.length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    data[i] = x & 0xff;
  }
  const where = [];
  if (xyz) where.push(androidXyz(xyz));
  if (appleLocation) where.push(appleMeta(appleLocation));
  return Buffer.concat([ftyp, box('moov', box('mvhd', mvhd), ...where), box('mdat', data)]);
}
