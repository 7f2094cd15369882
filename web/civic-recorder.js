// web/civic-recorder.js — the page side of voice memos (web/voice_web.hpp),
// loaded by civic-page.js only when the resident first records, so it costs
// nothing before the first frame. It owns the memo's bytes:
//   RecordStart: the microphone stream asked for in the resident's tap
//     (Module.civicMicStream, civic-page.js) -> a MediaRecorder (the first
//     supported of TYPES, at the bit rate core asks) -> RecordStarted, then
//     RecordProgress about 4 times a second (elapsed ms, bytes, level)
//   RecordStop: the recorder stops -> one Blob of its chunks -> IndexedDB
//     "media" under voc-<hex> (committed) -> RecordStopped (with SHA-256)
//   every end stops the stream's tracks: the microphone indicator goes off.
// Limits: one recording at a time; its own stop at maxMs + 2 s or maxBytes
// is only a backstop (core stops it first); ids are ours (voc- + 16 hex).
'use strict';

(function () {
  const Module = window.Module;
  const STORE = 'media';
  const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
  const TICK_MS = 250;
  const bridge = () => Module.civicVoiceBridge;
  const FAILED = 4;

  function randomId(prefix) {
    const b = new Uint8Array(8);
    crypto.getRandomValues(b);
    return prefix + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }
  const hex = (buf) => Array.from(new Uint8Array(buf), (x) => x.toString(16).padStart(2, '0')).join('');

  // Committed before the app hears of it (as civic-photos.js does).
  function put(id, bytes) {
    return Module.civicOpenDb().then((db) => new Promise((resolve, reject) => {
      let tx;
      try { tx = db.transaction(STORE, 'readwrite', { durability: 'strict' }); } catch (e) { tx = db.transaction(STORE, 'readwrite'); }
      tx.objectStore(STORE).put(bytes, id);
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error || new Error('IndexedDB write failed'));
    }));
  }

  // A DOMException as the app's failure kind (web/voice_web.cpp).
  function kindOf(e) {
    const name = e && e.name;
    if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 0;
    if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 1;
    if (name === 'NotSupportedError' || name === 'TypeError') return 2;
    if (name === 'QuotaExceededError') return 3;
    return FAILED;
  }
  const describe = (e) => String((e && e.name ? e.name + ': ' : '') + (e && e.message || e));

  const release = (stream) => { if (stream) for (const t of stream.getTracks()) t.stop(); };

  // The input level 0..100 from an AnalyserNode, or 0 where there is none.
  function meter(stream) {
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      const ctx = new Ctx();
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 512;
      ctx.createMediaStreamSource(stream).connect(analyser);
      const buf = new Uint8Array(analyser.fftSize);
      return {
        level() {
          analyser.getByteTimeDomainData(buf);
          let sum = 0;
          for (const v of buf) sum += (v - 128) * (v - 128);
          return Math.min(100, Math.round(Math.sqrt(sum / buf.length) * 2));
        },
        close() { ctx.close().catch(() => {}); },
      };
    } catch (e) {
      return { level: () => 0, close() {} };
    }
  }

  let current = null;           // the recording
  const given_up = new Set();   // ids stopped before their stream came

  function finish(r) {
    if (r.stopping) return;
    r.stopping = true;
    r.duration = performance.now() - r.t0;
    clearInterval(r.timer);
    try {
      r.rec.stop();   // onstop follows, after the last dataavailable
    } catch (e) {
      done(r);
    }
  }

  async function done(r) {
    if (r.finished) return;
    r.finished = true;
    clearInterval(r.timer);
    if (!r.duration) r.duration = performance.now() - r.t0;   // stopped by the browser (the track ended)
    release(r.stream);
    r.meter.close();
    if (current === r) current = null;
    const b = bridge();
    if (r.discard) {
      b.stopped(r.id, '', 0, 0, '', '');
      return;
    }
    if (r.error) {
      b.failed(r.id, FAILED, describe(r.error));
      return;
    }
    const type = r.rec.mimeType || (r.chunks[0] && r.chunks[0].type) || r.type;
    let bytes;
    try {
      bytes = await new Blob(r.chunks, { type }).arrayBuffer();
    } catch (e) {
      b.failed(r.id, FAILED, describe(e));
      return;
    }
    r.chunks = [];
    let sha = '';
    try {
      if (crypto.subtle) sha = hex(await crypto.subtle.digest('SHA-256', bytes));
    } catch (e) { /* sent without a whole-file checksum; every chunk still has its own */ }
    const media = randomId('voc-');
    try {
      await put(media, bytes);
    } catch (e) {
      b.failed(r.id, e && e.name === 'QuotaExceededError' ? 3 : FAILED, describe(e));
      return;
    }
    b.stopped(r.id, media, bytes.byteLength, Math.round(r.duration), type, sha);
  }

  Module.civicRecorderModule = {
    // Effect RecordStart: every path ends in started+stopped or failed.
    async start(t) {
      const b = bridge();
      if (current) {
        b.failed(t.id, FAILED, 'already recording');
        return;
      }
      if (typeof window.MediaRecorder !== 'function') {
        b.failed(t.id, 2, 'no MediaRecorder');
        return;
      }
      let stream;
      try {
        stream = await Module.civicMicStream();
      } catch (e) {
        b.failed(t.id, kindOf(e), describe(e));
        return;
      }
      if (given_up.delete(t.id)) {   // the resident stopped before the microphone came
        release(stream);
        b.stopped(t.id, '', 0, 0, '', '');
        return;
      }
      const type = TYPES.find((x) => MediaRecorder.isTypeSupported(x)) || '';
      let rec;
      try {
        rec = new MediaRecorder(stream, Object.assign({ audioBitsPerSecond: t.bits }, type ? { mimeType: type } : {}));
      } catch (e) {
        release(stream);
        b.failed(t.id, 2, describe(e));
        return;
      }
      const r = { id: t.id, rec, stream, type, chunks: [], bytes: 0, t0: 0, duration: 0, meter: meter(stream) };
      rec.ondataavailable = (e) => {
        if (!e.data || !e.data.size) return;
        r.chunks.push(e.data);
        r.bytes += e.data.size;
        if (r.bytes >= t.maxBytes) finish(r);
      };
      rec.onerror = (e) => { r.error = e.error || new Error('the recorder failed'); finish(r); };
      rec.onstop = () => { done(r); };
      for (const track of stream.getTracks()) track.addEventListener('ended', () => finish(r));   // unplugged, revoked
      try {
        rec.start(TICK_MS);   // a chunk every tick: the bytes are counted as they come
      } catch (e) {
        release(stream);
        r.meter.close();
        b.failed(t.id, FAILED, describe(e));
        return;
      }
      r.t0 = performance.now();
      current = r;
      b.started(t.id);
      r.timer = setInterval(() => {
        const elapsed = performance.now() - r.t0;
        b.progress(r.id, Math.round(elapsed), r.bytes, r.meter.level());
        if (elapsed >= t.maxMs + 2000) finish(r);   // core should have stopped it by now
      }, TICK_MS);
    },

    // Effect RecordStop.
    stop(id, discard) {
      if (!current || current.id !== id) {
        given_up.add(id);
        return;
      }
      current.discard = discard;
      finish(current);
    },
  };
})();
