// web/civic-player.js — the page side of playing a voice memo back
// (web/playback_web.hpp), loaded by civic-page.js on first play, so it costs
// nothing before the first frame. For PlayMemo it takes the <audio> element
// civic-page.js started inside the resident's tap (Module.civicAudioTake; a
// new one otherwise), reads the memo's bytes from IndexedDB "media" (where
// civic-recorder.js kept them, so a memo restored from a draft plays too),
// plays them through an object URL and answers: started, the position about
// 4 times a second when it moved, ended (finished, or interrupted: a pause
// the page did not ask for), or failed (missing, unsupported, failed).
// At every end — stop, end, failure, a newer memo — the element is emptied
// and the URL revoked: nothing keeps playing, nothing keeps the bytes.
// Limits: one memo at a time; the element is never attached to the page.
'use strict';

(function () {
  const Module = window.Module;
  const STORE = 'media';
  const TICK_MS = 250;
  const MISSING = 0, UNSUPPORTED = 1, FAILED = 2;
  const bridge = () => Module.civicPlaybackBridge;
  const describe = (e) => String((e && e.name ? e.name + ': ' : '') + (e && e.message || e));

  let current = null;   // { id, el, url, timer, last, started, released }

  function read(media) {
    return Module.civicOpenDb().then((db) => new Promise((resolve, reject) => {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(media);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error || new Error('IndexedDB read failed'));
    }));
  }

  function release(p) {
    if (p.released) return;
    p.released = true;
    clearInterval(p.timer);
    const el = p.el;
    el.onplaying = el.onended = el.onpause = el.onerror = null;
    try { el.pause(); } catch (e) { /* already gone */ }
    el.removeAttribute('src');
    try { el.load(); } catch (e) { /* drops the decoder and the bytes */ }
    if (p.url) URL.revokeObjectURL(p.url);
    if (current === p) current = null;
  }

  // MEDIA_ERR_DECODE (3) and MEDIA_ERR_SRC_NOT_SUPPORTED (4): this browser
  // cannot play the memo's format.
  const errorKind = (el) => (el.error && (el.error.code === 3 || el.error.code === 4) ? UNSUPPORTED : FAILED);

  Module.civicPlayerModule = {
    // Effect PlayMemo: every path ends in failed, or started … ended, or a stop.
    async play(t) {
      if (current) release(current);   // one sound at a time (core stops the last one first anyway)
      const b = bridge();
      const el = (Module.civicAudioTake && Module.civicAudioTake()) || new Audio();
      const p = { id: t.id, el, url: '', timer: 0, last: -1, started: false, released: false };
      current = p;
      const fail = (kind, detail) => {
        if (p.released) return;
        release(p);
        b.failed(p.id, kind, detail);
      };
      if (t.type && el.canPlayType(t.type) === '') {
        fail(UNSUPPORTED, 'cannot play ' + t.type);
        return;
      }
      let bytes;
      try {
        bytes = await read(t.media);
      } catch (e) {
        fail(FAILED, describe(e));
        return;
      }
      if (p.released) return;   // stopped while the bytes were read
      if (bytes == null) {
        fail(MISSING, 'nothing stored under ' + t.media);
        return;
      }
      p.url = URL.createObjectURL(bytes instanceof Blob ? bytes : new Blob([bytes], { type: t.type || 'audio/webm' }));
      // Events of this memo only (a primed element may still report on its
      // few milliseconds of silence).
      const mine = () => !p.released && el.currentSrc === p.url;
      const tick = () => {
        if (!mine() || !p.started) return;
        const ms = Math.round(el.currentTime * 1000);
        if (ms === p.last) return;
        p.last = ms;
        b.progress(p.id, ms);
      };
      el.onplaying = () => {
        if (!mine()) return;
        if (!p.started) {
          p.started = true;
          b.started(p.id);
        }
        tick();
      };
      el.onended = () => {
        if (!mine()) return;
        release(p);
        b.ended(p.id, 0);
      };
      el.onpause = () => {   // at the end `ended` follows; otherwise the platform paused it (a call)
        if (!mine() || !p.started || el.ended) return;
        release(p);
        b.ended(p.id, 1);
      };
      el.onerror = () => { if (mine()) fail(errorKind(el), 'MediaError ' + (el.error ? el.error.code + ' ' + el.error.message : '')); };
      el.preload = 'auto';
      el.src = p.url;
      p.timer = setInterval(tick, TICK_MS);
      try {
        await el.play();
      } catch (e) {
        fail(e && e.name === 'NotSupportedError' ? UNSUPPORTED : FAILED, describe(e));
      }
    },

    // Effect StopPlayback: no answer.
    stop(id) {
      if (current && current.id === id) release(current);
    },
  };
})();
