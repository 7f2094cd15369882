// web/civic-photos.js — the page side of photos (web/photos_web.hpp), loaded
// by civic-page.js only when the form offers photos or the outbox uploads
// one, so it costs nothing before the first frame. It owns the bytes:
//   chosen file -> IndexedDB "media" under raw-<hex> -> PhotoPicked
//   PhotoCompress: raw bytes -> civic-media worker (core/media: orientation,
//     edit, size and byte budget, metadata and GPS dropped, SHA-256) ->
//     IndexedDB under jpg-<hex> (committed) -> PhotoCompressed
//   preview: raw bytes -> worker -> stored-orientation RGBA -> the WebGL2
//     preview (photos_web.cpp)
//   slice: a tus PATCH body, read from IndexedDB (effects_web.cpp)
//   forget: MediaForget deletes ids
//   a chosen video (video/*, or no type and a video extension) -> never
//     recompressed (a phone's encoder already made it small; re-encoding in
//     wasm would cost seconds and battery) but its location metadata
//     blanked in place by the worker (core/media/video_meta: same size, same
//     frames) -> SHA-256 of the cleaned bytes, a Blob of exactly those bytes
//     in IndexedDB under vid-<hex> (committed) -> VideoPicked with its first
//     bytes and duration (web/video_web.cpp); a PATCH then reads only its
//     slice of the Blob. A video the worker could not check is refused
//     (video.clean_failed): it is never stored or sent with its location
// and tells the app through Module.civicPhotoBridge / civicVideoBridge
// (installed by the wasm).
// Limits: photos above the bridge's maxRawBytes and videos above
// civicVideoBridge.maxBytes are never read (the app refuses them by size);
// one worker, one job at a time; a worker that failed is replaced on the
// next job; ids are ours (raw-/jpg-/vid- + 16 random hex).
'use strict';

(function () {
  const Module = window.Module;
  const STORE = 'media';
  const bridge = () => Module.civicPhotoBridge;

  function randomId(prefix) {
    const b = new Uint8Array(8);
    crypto.getRandomValues(b);
    return prefix + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }

  // ---- IndexedDB ------------------------------------------------------------
  // Writes resolve on the transaction's `complete` (committed, "strict"
  // durability where the browser has it): the app hears of bytes only once
  // they would survive a closed tab.
  function run(mode, fn) {
    return Module.civicOpenDb().then((db) => new Promise((resolve, reject) => {
      let tx;
      try { tx = db.transaction(STORE, mode, { durability: 'strict' }); } catch (e) { tx = db.transaction(STORE, mode); }
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = tx.onabort = () => reject(tx.error || new Error('IndexedDB ' + mode + ' failed'));
    }));
  }
  const put = (id, bytes) => run('readwrite', (s) => { s.put(bytes, id); return null; });
  const get = (id) => run('readonly', (s) => s.get(id));
  const del = (ids) => run('readwrite', (s) => { for (const id of ids) s.delete(id); return null; });

  // A failed write as the app's message id: a full phone says so.
  function storageError(e) {
    return e && (e.name === 'QuotaExceededError' || /quota/i.test(String(e.message))) ? 'photo.storage_full' : 'photo.read_failed';
  }
  const refusal = (error, detail, params) => JSON.stringify({ ok: false, error, detail: String(detail || ''), params: params || {} });

  // ---- the worker -----------------------------------------------------------
  let worker = null;
  let seq = 0;
  const waiting = new Map();
  function drop(why) {
    if (worker) worker.terminate();
    worker = null;
    for (const w of waiting.values()) w.reject(why);
    waiting.clear();
  }
  function ask(message, transfer) {
    if (!worker) {
      worker = new Worker('civic-media-worker.js');
      worker.onmessage = (e) => {
        const w = waiting.get(e.data.seq);
        if (!w) return;
        waiting.delete(e.data.seq);
        w.resolve(e.data);
      };
      // The script or the module could not load (offline before it was ever
      // fetched) or the module died: every waiting job gets an answer.
      worker.onerror = (e) => { e.preventDefault(); drop(new Error(e.message || 'the photo worker failed')); };
    }
    return new Promise((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, { resolve, reject });
      worker.postMessage(Object.assign({ seq: id }, message), transfer || []);
    });
  }

  // ---- previews -------------------------------------------------------------
  const previewed = new Set();   // asked for (or made) in this page's life
  const forgotten = new Set();

  async function preview(id) {
    if (previewed.has(id) || forgotten.has(id)) return;
    previewed.add(id);
    const raw = await get(id);
    if (!raw) return;
    const r = await ask({ op: 'preview', bytes: raw, edge: bridge().previewEdge }, [raw]);
    const info = JSON.parse(r.json);
    if (!info.ok || forgotten.has(id)) return;
    bridge().pixels(id, info.width, info.height, info.orientation, new Uint8Array(r.out));
  }

  // ---- videos ---------------------------------------------------------------
  const VIDEO_NAME = /\.(mp4|m4v|mov|webm|3gp|3g2|mkv|avi)$/i;
  const isVideo = (f) => /^video\//i.test(f.type || '') || (!f.type && VIDEO_NAME.test(f.name || ''));
  const hex = (buf) => Array.from(new Uint8Array(buf), (x) => x.toString(16).padStart(2, '0')).join('');

  async function addVideo(f) {
    const v = Module.civicVideoBridge;
    if (f.size === 0 || f.size > v.maxBytes) {   // never read: the app says why, with the limit
      v.picked('', f.size, f.name, f.type, '', null, '');
      return;
    }
    let bytes;
    try {
      bytes = await f.arrayBuffer();
    } catch (e) {
      v.picked('', f.size, f.name, f.type, '', null, 'video.read_failed');
      return;
    }
    // Its location out first (privacy before anything is kept): the buffer
    // goes to the worker and comes back cleaned.
    let info;
    try {
      const r = await ask({ op: 'video', bytes }, [bytes]);
      info = JSON.parse(r.json);
      if (info.ok) bytes = r.out;
      else if (info.error === 'photo.worker_failed') drop(new Error(info.detail));   // a fresh module next time
    } catch (e) {
      info = { ok: false, detail: String(e && e.message || e) };
    }
    if (!info.ok || !bytes || bytes.byteLength !== f.size) {
      console.warn('civic: video not checked for location: ' + (info.detail || info.error || 'size changed'));
      v.picked('', f.size, f.name, f.type, '', null, 'video.clean_failed');
      return;
    }
    let sha = '';
    try {
      if (crypto.subtle) sha = hex(await crypto.subtle.digest('SHA-256', bytes));
    } catch (e) { /* sent without a whole-file checksum; every chunk still has its own */ }
    const head = new Uint8Array(bytes.slice(0, v.headBytes));
    const id = randomId('vid-');
    try {
      // A Blob of the very bytes hashed (the file on disk may change after
      // the pick); IndexedDB keeps it as a file, and a PATCH reads a slice.
      await put(id, new Blob([bytes], { type: f.type || 'application/octet-stream' }));
    } catch (e) {
      console.warn('civic: video not stored: ' + e);
      v.picked('', f.size, f.name, f.type, '', null, storageError(e) === 'photo.storage_full' ? 'video.storage_full' : 'video.read_failed');
      return;
    }
    bytes = null;
    v.picked(id, f.size, f.name, f.type, sha, head, '', info.duration_ms);
  }

  // ---- what the app and the page call -----------------------------------------
  Module.civicPhotosModule = {
    // Files from the chooser, in order: each stored, then reported.
    async add(files) {
      const b = bridge();
      for (const f of files) {
        if (isVideo(f) && Module.civicVideoBridge) {
          await addVideo(f);
          continue;
        }
        const id = randomId('raw-');
        if (f.size > b.maxRawBytes) {   // never read: the app refuses it with the limit in words
          b.picked(id, f.size, f.name, '');
          continue;
        }
        let bytes;
        try {
          bytes = await f.arrayBuffer();
        } catch (e) {
          b.picked('', f.size, f.name, 'photo.read_failed');
          continue;
        }
        try {
          await put(id, bytes);
        } catch (e) {
          console.warn('civic: photo not stored: ' + e);
          b.picked('', f.size, f.name, storageError(e));
          continue;
        }
        b.picked(id, bytes.byteLength, f.name, '');
      }
    },

    // Effect PhotoCompress (photos_web.cpp): every path ends in done().
    async compress(t) {
      const b = bridge();
      b.progress(t.job, 5);
      let raw;
      try {
        raw = await get(t.source);
      } catch (e) {
        b.done(t.job, refusal('photo.missing', e));
        return;
      }
      if (!raw) {
        b.done(t.job, refusal('photo.missing', 'no bytes for ' + t.source));
        return;
      }
      if (raw.byteLength > t.maxSource) {
        b.done(t.job, refusal('media.too_big_file', raw.byteLength,
                              { bytes: String(raw.byteLength), limit: String(t.maxSource) }));
        return;
      }
      b.progress(t.job, 15);
      let r;
      try {
        r = await ask({ op: 'job', bytes: raw, edit: t.edit, maxEdge: t.maxEdge, maxBytes: t.maxBytes }, [raw]);
      } catch (e) {
        b.done(t.job, refusal('photo.worker_failed', e));
        return;
      }
      const info = JSON.parse(r.json);
      if (!info.ok) {
        if (info.error === 'photo.worker_failed') drop(new Error(info.detail));   // a fresh module next time
        b.done(t.job, r.json);
        return;
      }
      b.progress(t.job, 80);
      info.stored = randomId('jpg-');
      try {
        await put(info.stored, r.out);
      } catch (e) {
        b.done(t.job, refusal(storageError(e) === 'photo.storage_full' ? 'photo.storage_full' : 'photo.worker_failed', e));
        return;
      }
      b.progress(t.job, 95);
      b.done(t.job, JSON.stringify(info));
      preview(t.source).catch((e) => console.warn('civic: no preview: ' + e));
    },

    preview(id) {
      return preview(id);
    },

    // A tus PATCH body: bytes [offset, offset + length) of a stored item.
    // A video is kept as a Blob: only the slice is read.
    async slice(id, offset, length) {
      const buf = await get(id);
      if (!buf) throw new Error('media ' + id + ' is not stored on this device');
      const blob = buf instanceof Blob;
      if (offset + length > (blob ? buf.size : buf.byteLength)) throw new Error('media ' + id + ' is shorter than the upload');
      return blob ? new Uint8Array(await buf.slice(offset, offset + length).arrayBuffer()) : new Uint8Array(buf, offset, length);
    },

    forget(ids) {
      for (const id of ids) forgotten.add(id);
      return del(ids);
    },

    // Fetch the worker's code now (the service worker keeps it for later).
    warm() {
      if (!worker) ask({ op: 'warm' }).catch(() => {});
    },
  };
})();
