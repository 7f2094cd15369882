// web/civic-page.js — the page side of the web shell, loaded before civic.js.
// Four jobs, kept out of index.html so the CSP needs no 'unsafe-inline':
//  1. Module: starts the first CJK font's download while the wasm compiles;
//     opens the app's IndexedDB database (outbox records and media bytes).
//  2. The text agent: a hidden <textarea> that holds DOM focus whenever the
//     ImGui UI wants text, so phones open their keyboard, IMEs (pinyin)
//     compose into it, paste works; committed text goes to the wasm side.
//  3. The accessible layer: real elements (button, textbox, checkbox,
//     heading, status, alert, progressbar) mirroring civic::ui::semantic_nodes(), placed
//     over the canvas, so screen readers, keyboard users and tests
//     (getByRole) can read and operate the app. window.civic exposes them.
//  4. The photo picker: a hidden <input type=file> opened inside the tap,
//     click or key press on the add-photo button (a browser opens a file
//     chooser only during a user gesture); the chosen files and everything
//     after them go to civic-photos.js, loaded only when photos are used.
//     Likewise the microphone: asked for inside the tap on "record a voice
//     memo"; the recording itself is civic-recorder.js's, loaded on use.
//     And sound: a memo's play button starts an <audio> element inside
//     the tap (mobile autoplay rules); civic-player.js plays the memo.
// Limits: at most MAX_NODES elements are mirrored (a runaway UI cannot grow
// the DOM without bound); names and values are set as text, never as HTML.
'use strict';

(function () {
  const MAX_NODES = 2000;
  const SENTINEL = ' ';   // the agent always holds one char, so Backspace on a virtual keyboard still fires `input`

  // ---- 1. Module ---------------------------------------------------------
  // Startup stages are performance marks (web/timing_web.hpp has the wasm
  // side's): tests/web/budget.bench.mjs prints them stage by stage.
  const mark = (name) => { if (typeof performance !== 'undefined' && performance.mark) performance.mark(name); };
  mark('civic-page-run');
  const fontUrl = 'fonts/civic-ui.ttf';   // the first font (web/main.cpp); preloaded by index.html
  const font = fetch(fontUrl).then((r) => {
    if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + fontUrl);
    return r.arrayBuffer();
  }).then((buf) => { mark('civic-font-fetched'); return buf; });
  font.catch(() => {});   // handled by the wasm side (civic_request_font)

  const Module = (window.Module = window.Module || {});
  Module.civicFont = font;
  // The wasm, compiled from now on while it streams (the same request
  // index.html preloads; civic.js, which would start it, runs later), then
  // instantiated when civic.js asks: Emscripten's own loader does both in
  // one step, this one marks each. A server that sends the wrong content
  // type defeats streaming: then the bytes are compiled whole.
  const wasmUrl = 'civic.wasm';
  const getWasm = () => fetch(wasmUrl, { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + wasmUrl);
    return r;
  });
  const compileWhole = () => getWasm().then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b));
  const compiled = typeof WebAssembly !== 'object' ? Promise.reject(new Error('no WebAssembly'))
    : typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(getWasm()).catch((e) => {
        console.warn('civic: streaming compilation failed (' + e + '); compiling the whole file');
        return compileWhole();
      })
      : compileWhole();
  compiled.then(() => mark('civic-wasm-compiled'), () => {});
  Module.instantiateWasm = (imports, receive) => {
    compiled.then((mod) => WebAssembly.instantiate(mod, imports).then((instance) => {
      mark('civic-wasm-instantiated');
      receive(instance, mod);
    })).catch((e) => {
      console.error('civic: the app could not start: ' + e);
      Module.civicPage.fatal('wasm');
    });
    return {};
  };

  // The first screen is the service catalogue: its request goes out now,
  // while the wasm compiles, and its body is read while the page's main
  // thread is idle. civic_fetch (web/effects_web.cpp) adopts the reply when
  // core asks for exactly this URL with GET — and only then: should the rules
  // below ever differ from web/main.cpp's civic_page_config, core's
  // parse_lang and api::services_url, core's own request simply goes out.
  // A failed prefetch is adopted as the failure core's request would have met.
  const prefetched = new Map();   // URL -> Promise of { status, statusText, headers, body }
  function catalogueLang() {
    const q = new URLSearchParams(location.search).get('lang');
    const list = q || (navigator.languages && navigator.languages.join(',')) || navigator.language || '';
    for (const part of list.split(',')) {
      const r = part.split(';')[0].trim().toLowerCase();
      if (r === 'en' || r.startsWith('en-') || r.startsWith('en_')) return 'en';
      if (r === 'zh' || r.startsWith('zh-') || r.startsWith('zh_')) return 'zh-CN';
    }
    return 'zh-CN';
  }
  (function prefetchCatalogue() {
    const meta = document.querySelector('meta[name="civic-server"]');
    let base = meta && meta.content ? meta.content : location.origin + '/open311/v2/';
    if (!base.endsWith('/')) base += '/';
    const lang = catalogueLang();
    const url = base + 'services.json?locale=' + encodeURIComponent(lang);
    const reply = fetch(url, { cache: 'no-store', headers: { Accept: 'application/json', 'Accept-Language': lang } })
      .then((r) => r.arrayBuffer().then((body) => ({ status: r.status, statusText: r.statusText, headers: [...r.headers], body })));
    reply.catch(() => {});
    prefetched.set(url, reply);
  })();
  // Takes the prefetched reply for a GET of url (once), as a Response; null when there is none.
  Module.civicPrefetched = (method, url) => {
    const p = method === 'GET' ? prefetched.get(url) : null;
    if (!p) return null;
    prefetched.delete(url);
    return p.then((x) => new Response([101, 204, 205, 304].includes(x.status) ? null : x.body,
                                      { status: x.status, statusText: x.statusText, headers: x.headers }));
  };
  Module.print = (s) => console.log(s);
  Module.printErr = (s) => console.warn(s);

  // One database for the outbox's records and the photos' bytes, so a
  // queued concern and its photos survive a reload together. Version 2
  // added "media" (version 1 had the outbox only; its records are kept).
  let db = null;
  Module.civicOpenDb = () => db || (db = new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') { reject(new Error('no IndexedDB')); return; }
    const req = indexedDB.open('civic', 2);
    req.onupgradeneeded = () => {
      const d = req.result;
      if (!d.objectStoreNames.contains('outbox')) d.createObjectStore('outbox');
      if (!d.objectStoreNames.contains('media')) d.createObjectStore('media');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error || new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB blocked'));
  }));

  let ready = false;
  let readyResolve;
  const readyPromise = new Promise((r) => (readyResolve = r));

  // ---- 2. the text agent -------------------------------------------------
  const agent = document.getElementById('civic-text-agent');
  let composing = false;
  let wanted = false;

  function resetAgent() {
    agent.value = SENTINEL;
    agent.setSelectionRange(1, 1);
  }
  function sendText(s) {
    if (!s || !Module._civic_agent_text) return;
    const n = Module.lengthBytesUTF8(s) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(s, p, n);
    Module._civic_agent_text(p);
    Module._free(p);
  }
  function tapKey(code) {
    if (Module._civic_agent_key) Module._civic_agent_key(code);
  }

  agent.addEventListener('compositionstart', () => { composing = true; });
  agent.addEventListener('compositionend', (e) => {
    composing = false;
    sendText(e.data);
    resetAgent();
  });
  agent.addEventListener('input', (e) => {
    if (composing || e.isComposing) return;
    const t = e.inputType || '';
    if (t.startsWith('delete')) {
      if (agent.value.length < SENTINEL.length) tapKey(t === 'deleteContentForward' ? 46 : 8);
    } else if (t === 'insertLineBreak' || t === 'insertParagraph') {
      tapKey(13);
    } else {
      const v = agent.value.startsWith(SENTINEL) ? agent.value.slice(SENTINEL.length) : agent.value;
      sendText(v);
    }
    resetAgent();
  });
  agent.addEventListener('paste', (e) => {
    e.preventDefault();
    const s = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    sendText(s);
  });

  // The node of the textbox the caret is in: its id hints the keyboard.
  let caret = { x: 0, y: 0 };
  let nodes = [];
  function fieldAtCaret() {
    for (const n of nodes)
      if (n.role === 'textbox' && caret.x >= n.x - 2 && caret.x <= n.x + n.w + 2 && caret.y >= n.y - 2 && caret.y <= n.y + n.h + 2)
        return n;
    return null;
  }
  // inputmode / enterkeyhint from the field's semantic id (ui/ names fields
  // after what they hold: ".../phone", ".../email", ".../number").
  function hintFor(n) {
    const id = n ? n.id.toLowerCase() : '';
    if (/phone|tel|mobile/.test(id)) return { mode: 'tel', enter: 'next', type: 'tel' };
    if (/email/.test(id)) return { mode: 'email', enter: 'next', type: 'email' };
    if (/number|count|amount|age/.test(id)) return { mode: 'decimal', enter: 'next', type: 'number' };
    if (/search/.test(id)) return { mode: 'search', enter: 'search', type: 'search' };
    if (/description|note|text|comment/.test(id)) return { mode: 'text', enter: 'enter', type: 'text' };
    return { mode: 'text', enter: 'done', type: 'text' };
  }

  Module.civicTextAgent = {
    // Called by the wasm side inside the tap/click gesture (imgui_impl_html5).
    want(on) {
      wanted = on;
      if (on) {
        const n = fieldAtCaret();
        const h = hintFor(n);
        // Phones read inputmode when an input gains focus: moving from one
        // field to another that needs a different keyboard refocuses.
        if (document.activeElement === agent && agent.getAttribute('inputmode') !== h.mode) agent.blur();
        agent.setAttribute('inputmode', h.mode);
        agent.setAttribute('enterkeyhint', h.enter);
        agent.setAttribute('aria-label', n ? n.name : '');
        agent.dataset.field = n ? n.id : '';
        resetAgent();
        agent.focus({ preventScroll: true });
      } else if (document.activeElement === agent) {
        agent.blur();
      }
    },
    // ImGui's caret position (CSS px): the IME's candidate window opens here.
    place(x, y) {
      caret = { x, y };
      agent.style.transform = 'translate(' + Math.round(x) + 'px,' + Math.round(y) + 'px)';
    },
    get wanted() { return wanted; },
  };

  // ---- 3. the accessible layer -------------------------------------------
  const layer = document.getElementById('civic-a11y');
  let photosWarm = false;
  const elements = new Map();   // node id -> element
  let dpr = 1;

  function call(fn, id, text) {
    if (!Module[fn]) return;
    const args = [id].concat(text === undefined ? [] : [text]);
    const ptrs = args.map((s) => {
      const n = Module.lengthBytesUTF8(s) + 1;
      const p = Module._malloc(n);
      Module.stringToUTF8(s, p, n);
      return p;
    });
    Module[fn].apply(null, ptrs);
    ptrs.forEach((p) => Module._free(p));
  }

  function tagFor(role) {
    switch (role) {
      case 'button': return ['button', null];
      case 'link': return ['a', null];
      case 'textbox': return ['input', null];
      case 'checkbox': return ['input', null];
      case 'heading': return ['h2', null];
      case 'status': return ['div', 'status'];
      case 'alert': return ['div', 'alert'];
      default: return ['div', role || null];
    }
  }

  function create(n) {
    const [tag, role] = tagFor(n.role);
    const el = document.createElement(tag);
    el.dataset.role = n.role;
    if (role) el.setAttribute('role', role);
    if (n.role === 'button') {
      el.type = 'button';
      el.addEventListener('click', () => {
        // A keyboard or screen-reader press of "Add photo" is a user
        // gesture: the chooser opens now, not in the next frame.
        if (el.dataset.id === PHOTO_ADD) openPicker();
        else {
          if (el.dataset.id === VOICE_RECORD) askMic();
          else if (MEMO_PLAY.test(el.dataset.id) && !el.dataset.playing) primeAudio();
          call('_civic_a11y_activate', el.dataset.id);
        }
      });
    } else if (n.role === 'link') {
      el.href = '#';
      el.addEventListener('click', (e) => {
        e.preventDefault();
        call('_civic_a11y_activate', el.dataset.id);
      });
    } else if (n.role === 'checkbox') {
      el.type = 'checkbox';
      el.addEventListener('change', () => call('_civic_a11y_activate', el.dataset.id));
    } else if (n.role === 'textbox') {
      el.type = hintFor(n).type === 'number' ? 'text' : hintFor(n).type;
      el.setAttribute('inputmode', hintFor(n).mode);
      el.addEventListener('input', () => call('_civic_a11y_set_text', el.dataset.id, el.value));
    }
    if (n.role === 'status') el.setAttribute('aria-live', 'polite');
    return el;
  }

  function update(el, n) {
    el.dataset.id = n.id;
    if (n.role === 'button' && n.checked) el.dataset.playing = '1';   // a memo's play button while it plays
    else delete el.dataset.playing;
    if (n.role === 'textbox') {
      el.setAttribute('aria-label', n.name);
      if (document.activeElement !== el && el.value !== n.value) el.value = n.value;
    } else if (n.role === 'checkbox') {
      el.setAttribute('aria-label', n.name);
      el.checked = !!n.checked;
    } else if (el.textContent !== n.name) {
      el.textContent = n.name;
    }
    // A card's value (its badge or subtitle) and description are read after
    // its name, so "Noise" is heard with "4 services" and what they are.
    if (n.role === 'button' || n.role === 'link') {
      const more = [n.description, n.value].filter((s) => s && s !== n.name).join(', ');
      if (more) {
        if (el.getAttribute('aria-description') !== more) el.setAttribute('aria-description', more);
      } else if (el.hasAttribute('aria-description')) {
        el.removeAttribute('aria-description');
      }
    }
    // A progress bar (a photo being made small, a concern's photos going
    // up): its value "43%" becomes aria-valuenow, so it is heard and tested.
    if (n.role === 'progressbar') {
      const pct = /^(\d{1,3})%$/.exec(n.value);
      const now = pct ? String(Math.min(100, +pct[1])) : null;
      if (el.getAttribute('aria-label') !== n.name) el.setAttribute('aria-label', n.name);
      el.setAttribute('aria-valuemin', '0');
      el.setAttribute('aria-valuemax', '100');
      if (now === null) el.removeAttribute('aria-valuenow');
      else if (el.getAttribute('aria-valuenow') !== now) el.setAttribute('aria-valuenow', now);
    }
    el.disabled = !!n.disabled && (n.role === 'button' || n.role === 'textbox' || n.role === 'checkbox');
    if (n.invalid) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
    const s = el.style;
    s.left = n.x + 'px';
    s.top = n.y + 'px';
    s.width = Math.max(1, n.w) + 'px';
    s.height = Math.max(1, n.h) + 'px';
  }

  Module.civicPage = {
    // Called by the wasm side after a frame whose nodes changed.
    publish(json, ratio, lang) {
      dpr = ratio || 1;
      let raw;
      try { raw = JSON.parse(json); } catch (e) { return; }
      if (!Array.isArray(raw)) return;
      // Rectangles arrive in framebuffer px as rect: [x, y, w, h]; the DOM wants CSS px.
      nodes = raw.slice(0, MAX_NODES).map((n) => {
        const r = Array.isArray(n.rect) ? n.rect : [n.x, n.y, n.w, n.h];
        return {
          id: String(n.id || ''), role: String(n.role || ''), name: String(n.name || ''), value: String(n.value || ''),
          description: String(n.description || ''),
          disabled: !!n.disabled, invalid: !!n.invalid, checked: !!n.checked,
          x: (+r[0] || 0) / dpr, y: (+r[1] || 0) / dpr, w: (+r[2] || 0) / dpr, h: (+r[3] || 0) / dpr,
        };
      });
      if (lang && document.documentElement.lang !== lang) document.documentElement.lang = lang;
      const seen = new Set();
      let prev = null;
      for (const n of nodes) {
        if (!n.id || seen.has(n.id)) continue;
        seen.add(n.id);
        let el = elements.get(n.id);
        if (el && el.dataset.role !== n.role) {
          el.remove();
          el = null;
        }
        if (!el) {
          el = create(n);
          elements.set(n.id, el);
        }
        update(el, n);
        // DOM order is reading and Tab order: keep it the UI's order.
        const want = prev ? prev.nextSibling : layer.firstChild;
        if (want !== el) layer.insertBefore(el, want);
        prev = el;
      }
      for (const [id, el] of elements) {
        if (!seen.has(id)) {
          el.remove();
          elements.delete(id);
        }
      }
      if (!ready) {
        ready = true;
        readyResolve();
      }
      // The form offers photos: fetch the photo code and start its worker
      // while the resident types, so the first photo starts at once and the
      // service worker keeps them for a visit with no network.
      if (!photosWarm && elements.has(PHOTO_ADD)) {
        photosWarm = true;
        setTimeout(() => Module.civicPhotosLoad().then((p) => p.warm()).catch(() => {}), 0);
      }
    },
    fatal(what) {
      const box = document.getElementById('civic-fatal');
      box.textContent = what === 'webgl2'
        ? '此浏览器无法显示 Civic Desk（需要 WebGL 2）。 This browser cannot show Civic Desk (WebGL 2 is needed).'
        : what === 'wasm'
          ? 'Civic Desk 无法启动（应用文件未能加载），请刷新页面。 Civic Desk could not start (the app file did not load); please reload the page.'
          : String(what);
      box.classList.add('shown');
    },
  };

  // ---- 4. the photo (and video) picker -------------------------------------
  // One input without `capture`: a phone's own chooser then offers the
  // camera and the gallery (Android: camera, photos, files; iOS: take photo
  // or video, photo library, browse), where capture="environment" would
  // allow the camera only, and a second "take photo" button would only
  // repeat what that chooser already asks. `multiple`: several in one go.
  // Videos too (accept video/*): civic-photos.js keeps them as picked.
  const PHOTO_ADD = 'photo/add';
  const TAP_SLOP = 10;   // CSS px a finger may travel and still tap (imgui_impl_html5)
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = 'image/*,video/*';
  picker.multiple = true;
  picker.id = 'civic-photo-input';
  picker.tabIndex = -1;
  picker.setAttribute('aria-hidden', 'true');
  document.body.appendChild(picker);
  let openedAt = -1;   // event timeStamp of the gesture that last opened the chooser

  function openPicker(ev) {
    openedAt = ev ? ev.timeStamp : performance.now();
    picker.value = '';   // the same photo chosen twice is two photos
    picker.click();
  }
  function nodeAt(x, y) {
    for (const n of nodes) if (x >= n.x && x <= n.x + n.w && y >= n.y && y <= n.y + n.h) return n;
    return null;
  }
  // The canvas: a tap that starts and ends on "Add photo" without becoming a
  // scroll opens the chooser inside its own pointerup (before the touchend or
  // mouseup that ImGui sees, so the button's press below finds it opened).
  let down = null;
  const canvas = document.getElementById('canvas');
  const gestureOf = (n) => (!n || n.disabled ? null
    : n.id === PHOTO_ADD ? openPicker
      : n.id === VOICE_RECORD ? askMic
        : MEMO_PLAY.test(n.id) && !n.checked ? primeAudio : null);
  canvas.addEventListener('pointerdown', (e) => {
    const n = e.isPrimary ? nodeAt(e.clientX, e.clientY) : null;
    down = gestureOf(n) ? { x: e.clientX, y: e.clientY, id: n.id } : null;
  }, true);
  canvas.addEventListener('pointerup', (e) => {
    const d = down;
    down = null;
    if (!d || !e.isPrimary || Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_SLOP) return;
    const n = nodeAt(e.clientX, e.clientY);
    const act = n && n.id === d.id ? gestureOf(n) : null;
    if (act) act(e);
  }, true);
  canvas.addEventListener('pointercancel', () => { down = null; }, true);

  let photos = null;
  Module.civicPhotosLoad = () => photos || (photos = new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = 'civic-photos.js';
    s.async = true;
    s.onload = () => (Module.civicPhotosModule ? resolve(Module.civicPhotosModule)
                                               : reject(new Error('civic-photos.js did not start')));
    s.onerror = () => { photos = null; s.remove(); reject(new Error('civic-photos.js could not be loaded')); };
    document.head.appendChild(s);
  }));
  picker.addEventListener('change', () => {
    const files = Array.from(picker.files || []);
    picker.value = '';
    if (!files.length) return;
    Module.civicPhotosLoad().then((p) => p.add(files)).catch((e) => {
      // Offline before the photo code was ever fetched: say so per file.
      const bridge = Module.civicPhotoBridge, video = Module.civicVideoBridge;
      for (const f of files) {
        if (video && /^video\//i.test(f.type || '')) video.picked('', f.size, f.name, f.type, '', null, 'video.read_failed');
        else if (bridge) bridge.picked('', f.size, f.name, 'photo.worker_failed');
      }
      console.warn('civic: ' + e);
    });
  });
  Module.civicPhotos = {
    // The ImGui button was pressed (web/photos_web.cpp). Opened already in
    // this gesture by the handlers above: nothing more. Otherwise (a press
    // the page could not see) open it now, while the activation lasts.
    pressed() {
      const ev = window.event;
      if (ev && ev.timeStamp - openedAt < 1000 && ev.timeStamp >= openedAt) return;
      if (!ev && performance.now() - openedAt < 1000) return;
      openPicker(ev);
    },
  };

  // ---- 5. the microphone ---------------------------------------------------
  // getUserMedia is called inside the tap on "record" (a phone shows its
  // permission prompt only for a user gesture); the ImGui press that follows
  // makes core send RecordStart, and civic-recorder.js takes this stream
  // (Module.civicMicStream). A stream nobody takes within MIC_UNCLAIMED_MS
  // (core refused to start) is released: the microphone never stays on.
  const VOICE_RECORD = 'voice/record';
  const MIC_UNCLAIMED_MS = 5000;
  let mic = null;   // { at, promise } from the last gesture, not taken yet
  function askMic() {
    const md = navigator.mediaDevices;
    if (!md || typeof md.getUserMedia !== 'function' || mic) return;
    const asked = { at: performance.now(), promise: md.getUserMedia({ audio: true }) };
    asked.promise.catch(() => {});
    mic = asked;
    setTimeout(() => {
      if (mic !== asked) return;
      mic = null;
      asked.promise.then((s) => s.getTracks().forEach((t) => t.stop()), () => {});
    }, MIC_UNCLAIMED_MS);
    Module.civicRecorderLoad().catch(() => {});   // the recorder's code, while the prompt is up
  }
  Module.civicMicStream = () => {
    const m = mic;
    mic = null;
    return m ? m.promise : navigator.mediaDevices.getUserMedia({ audio: true });
  };
  let recorder = null;
  Module.civicRecorderLoad = () => recorder || (recorder = new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = 'civic-recorder.js';
    s.async = true;
    s.onload = () => (Module.civicRecorderModule ? resolve(Module.civicRecorderModule)
                                                 : reject(new Error('civic-recorder.js did not start')));
    s.onerror = () => { recorder = null; s.remove(); reject(new Error('civic-recorder.js could not be loaded')); };
    document.head.appendChild(s);
  }));

  // ---- 6. playing a memo back ----------------------------------------------
  // civic-player.js (loaded on first play, also for a memo restored from a
  // draft) plays a memo. A phone lets an <audio> element play without a
  // gesture only once it was started inside one, and the memo's bytes come
  // from IndexedDB a frame later: so the tap on a memo's play button (not
  // its stop) starts a fresh element here, in the tap's own pointerup or
  // click, on a few milliseconds of silence, and the player takes that
  // element (Module.civicAudioTake). One nobody takes is left to end.
  const MEMO_PLAY = /^voice\/\d+\/play$/;
  const AUDIO_UNCLAIMED_MS = 5000;
  let primed = null;   // { at, el } from the last tap, not taken yet
  function silence() {   // 10 ms of 8 kHz 8-bit mono PCM, as a WAV file
    const n = 80;
    const b = new Uint8Array(44 + n).fill(128);
    const v = new DataView(b.buffer);
    const ascii = (at, s) => { for (let i = 0; i < s.length; i++) b[at + i] = s.charCodeAt(i); };
    ascii(0, 'RIFF'); v.setUint32(4, 36 + n, true); ascii(8, 'WAVEfmt '); v.setUint32(16, 16, true);
    v.setUint16(20, 1, true); v.setUint16(22, 1, true); v.setUint32(24, 8000, true); v.setUint32(28, 8000, true);
    v.setUint16(32, 1, true); v.setUint16(34, 8, true); ascii(36, 'data'); v.setUint32(40, n, true);
    return new Blob([b], { type: 'audio/wav' });
  }
  function primeAudio() {
    if (typeof window.Audio !== 'function') return;
    const el = new Audio();
    const url = URL.createObjectURL(silence());
    const drop = () => URL.revokeObjectURL(url);
    el.src = url;
    el.play().then(drop, drop);
    primed = { at: performance.now(), el };
    Module.civicPlayerLoad().catch(() => {});
  }
  Module.civicAudioTake = () => {
    const p = primed;
    primed = null;
    return p && performance.now() - p.at < AUDIO_UNCLAIMED_MS ? p.el : null;
  };
  let player = null;
  Module.civicPlayerLoad = () => player || (player = new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = 'civic-player.js';
    s.async = true;
    s.onload = () => (Module.civicPlayerModule ? resolve(Module.civicPlayerModule)
                                               : reject(new Error('civic-player.js did not start')));
    s.onerror = () => { player = null; s.remove(); reject(new Error('civic-player.js could not be loaded')); };
    document.head.appendChild(s);
  }));

  // ---- service worker: the app shell offline (web/service-worker.js) ------
  // Registered once the first interactive frame is up (web/main.cpp's
  // performance mark; at the latest after SW_LATEST_MS): installing it
  // downloads the whole shell again, which must not compete with the first
  // frame's own downloads on a phone's network.
  const SW_LATEST_MS = 10000;
  const afterFirstFrame = new Promise((resolve) => {
    setTimeout(resolve, SW_LATEST_MS);
    if (typeof PerformanceObserver === 'undefined') { resolve(); return; }
    const seen = () => performance.getEntriesByName('civic-first-interactive').length > 0;
    const obs = new PerformanceObserver(() => { if (seen()) { obs.disconnect(); resolve(); } });
    try { obs.observe({ type: 'mark' }); } catch (e) { resolve(); }
    if (seen()) resolve();
  });
  const swReady = ('serviceWorker' in navigator && window.isSecureContext)
    ? afterFirstFrame.then(() => navigator.serviceWorker.register('service-worker.js'))
        .then(() => navigator.serviceWorker.ready)
        .catch((e) => { console.warn('civic: offline shell unavailable: ' + e); return null; })
    : Promise.resolve(null);
  // navigator.storage.persist() is asked once, at the first filing (effects_web.cpp).

  // ---- window.civic: for tests, benchmarks and curious residents ---------
  window.civic = {
    nodes: () => nodes.map((n) => Object.assign({}, n)),
    ready: () => readyPromise,
    framesDrawn: () => (Module._civic_frames_drawn ? Module._civic_frames_drawn() : 0),
    // Characters the last frame drew as the missing-glyph box (ui/glyphs.hpp), and atlas builds.
    missingGlyphs: () => (Module._civic_missing_glyphs ? Module._civic_missing_glyphs() : -1),
    fontBuilds: () => (Module._civic_font_builds ? Module._civic_font_builds() : 0),
    textAgent: () => agent,
    offlineReady: () => swReady,
  };
})();
