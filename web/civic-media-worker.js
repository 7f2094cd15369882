// web/civic-media-worker.js — the Web Worker that runs core/media (the
// civic-media.{js,wasm} module, web/worker/media_worker.cpp) for the page, so
// decoding and encoding a 48 MP photo never blocks the UI thread. It holds
// no state between messages but the module itself; civic-photos.js owns the
// bytes (IndexedDB) and tells the app what happened.
// Messages in:  {seq, op: 'job', bytes, edit: Float32Array, maxEdge, maxBytes}
//               {seq, op: 'preview', bytes, edge}
//               {seq, op: 'video', bytes}  (a picked MP4/MOV/WebM: its location
//                 metadata blanked in place, core/media/video_meta; answers
//                 json {ok, bmff, blanked, duration_ms} and the SAME buffer,
//                 cleaned, so a 20 MiB video is never held twice by the page)
//               {seq, op: 'warm'}   (load the module now; answers {ok: true})
// Messages out: {seq, json, out: ArrayBuffer (JPEG, RGBA or the cleaned video;
//               empty on error)}
// Limits: one message at a time (the module is single-threaded; messages
// queue); the module's heap may grow to 1 GiB (web/CMakeLists.txt).
'use strict';

importScripts('civic-media.js');
const ready = CivicMedia();   // eslint-disable-line no-undef

function call(M, fn, bytes, extra) {
  const src = new Uint8Array(bytes);
  const p = M._malloc(Math.max(1, src.length));
  M.HEAPU8.set(src, p);
  let h = 0;
  try {
    h = fn(p, src.length, ...extra);
  } finally {
    M._free(p);
  }
  const json = M.UTF8ToString(M._civic_media_json(h));
  const n = M._civic_media_jpeg_size(h);
  const out = new ArrayBuffer(n);
  if (n) new Uint8Array(out).set(M.HEAPU8.subarray(M._civic_media_jpeg(h), M._civic_media_jpeg(h) + n));
  M._civic_media_release(h);
  return { json, out };
}

// The video op: the bytes go into the module's heap, are cleaned there in
// place, and are copied back into the very ArrayBuffer that came in, which
// is transferred back. On a refusal the page gets nothing back.
function cleanVideo(M, bytes) {
  const src = new Uint8Array(bytes);
  const p = M._malloc(Math.max(1, src.length));
  if (!p) throw new Error('no memory for a ' + src.length + '-byte video');
  let h = 0;
  try {
    M.HEAPU8.set(src, p);
    h = M._civic_media_video(p, src.length);
    const json = M.UTF8ToString(M._civic_media_json(h));
    if (!JSON.parse(json).ok) return { json, out: new ArrayBuffer(0) };
    src.set(M.HEAPU8.subarray(p, p + src.length));
    return { json, out: bytes };
  } finally {
    if (h) M._civic_media_release(h);
    M._free(p);
  }
}

self.onmessage = async (e) => {
  const m = e.data || {};
  let reply;
  try {
    const M = await ready;
    if (m.op === 'job') {
      const edit = m.edit instanceof Float32Array ? m.edit : new Float32Array(0);
      const ep = M._malloc(Math.max(4, edit.length * 4));
      M.HEAPF32.set(edit, ep >> 2);
      try {
        reply = call(M, M._civic_media_job, m.bytes, [ep, edit.length, m.maxEdge | 0, m.maxBytes | 0]);
      } finally {
        M._free(ep);
      }
    } else if (m.op === 'warm') {
      reply = { json: '{"ok":true}', out: new ArrayBuffer(0) };
    } else if (m.op === 'video') {
      reply = cleanVideo(M, m.bytes);
    } else if (m.op === 'preview') {
      reply = call(M, M._civic_media_preview, m.bytes, [m.edge | 0]);
    } else {
      reply = { json: JSON.stringify({ ok: false, error: 'photo.read_failed', detail: 'unknown op ' + m.op }), out: new ArrayBuffer(0) };
    }
  } catch (err) {
    // An abort in the module (out of memory) or a failed load: the photo is
    // refused with a reason, the page and the resident's form carry on.
    reply = { json: JSON.stringify({ ok: false, error: 'photo.worker_failed', detail: String(err && err.message || err) }), out: new ArrayBuffer(0) };
  }
  self.postMessage({ seq: m.seq, json: reply.json, out: reply.out }, [reply.out]);
};
