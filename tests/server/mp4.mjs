// tests/server/mp4.mjs — a small but valid MP4, made in the test (ffmpeg is
// not installed, and no binary is committed): ISO/IEC 14496-12 top-level
// boxes ftyp (major brand `isom`), moov holding a version-0 mvhd
// (timescale 1000, 3 s, identity matrix), and mdat of deterministic noise
// (like compressed frames). The server walks the top-level boxes to the
// file's end (core/media/upload_check walk_bmff): they tile it exactly.
// `brand` 'qt  ' makes an iPhone-style MOV.
function box(type, ...payload) {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

export function makeMp4(mdatBytes, brand = 'isom') {
  const compatible = brand === 'qt  ' ? 'qt  ' : 'isomiso2avc1mp41';
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from(compatible, 'latin1'));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);        // timescale
  mvhd.writeUInt32BE(3000, 16);        // duration
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
  return Buffer.concat([ftyp, box('moov', box('mvhd', mvhd)), box('mdat', data)]);
}
