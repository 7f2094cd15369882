// web/effects_web.cpp — the browser side of core's Effects.
//
// Backend checklist:
//  [X] HttpRequest: window.fetch() with method, headers and body (or, for
//      the catalogue's GET at start, the reply civic-page.js prefetched for
//      the same URL while the wasm compiled); the reply's
//      status and body (any status, so GeoReport error arrays reach core);
//      network failures and timeouts as status 0 with a reason.
//      The reply's headers come back too (Retry-After, Location, Upload-Offset).
//  [X] OutboxSave/OutboxDelete/OutboxLoad: IndexedDB database "civic", store
//      "outbox" (key → record bytes). OutboxSaved is reported from the
//      transaction's `complete` event (durability "strict" where supported),
//      so core sends nothing before the record is committed.
//  [X] WakeAt: one setTimeout; Tick when it fires. The window's `online`
//      event becomes NetworkOnline (install_network_events).
//  [X] StreamOpen/StreamClose: an EventSource (it follows the server's 307 to
//      the stream port; same-host CORS). Each message is re-framed as SSE
//      bytes (id, event, data) for core's parser; its first open reports
//      StreamOpened 200; an error closes it and reports StreamClosed, so
//      core's follower (backoff, polling fallback) decides what next — never
//      the browser's own reconnect loop. No Last-Event-ID on a new
//      EventSource: the server replays, core drops what it has (by seq).
//  [X] TrustSave: localStorage "civic.pins" and "civic.capabilities" (small,
//      synchronous, so Started has them before the first frame). Only this
//      app writes them; sign-out keeps them (they are the device's trust in
//      the server, not the resident's data).
//  [X] DraftSave/DraftLoad: localStorage key "civic-draft" (core/app/
//      draft_store.hpp). localStorage, not IndexedDB, because it is
//      synchronous: the save core makes when the page is hidden has landed
//      before the browser may freeze or discard the page (an IndexedDB
//      transaction started in `pagehide` may never commit), and the draft is
//      handed back before the first frame, so a reload never flashes an empty
//      form. A draft is a few KiB of text (values and the service definition;
//      photos stay in the outbox's IndexedDB), far under the ~5 MiB quota.
//      A failed write (quota, private mode) is logged; the draft stays in memory.
//  [X] navigator.storage.persist() once, at the first OutboxSave (the first
//      filing): asked when the resident has something worth keeping, not at
//      every page load.
//  [X] LocateRequest: navigator.geolocation.getCurrentPosition (high
//      accuracy, kLocateTimeoutMs, a fix up to a minute old) → Located; the
//      PositionError code becomes denied / unavailable / timeout, and a page
//      without the API (or not a secure context) answers unavailable.
//  [X] Media bytes in IndexedDB (store "media", photos_web.hpp): a tus PATCH
//      body (HttpRequest::body_media) is read from there, so a queued
//      concern's photos upload after a reload; a missing item fails the
//      request as a network error (core retries with backoff).
//  [X] PhotoCompress/MediaForget: photos_web.cpp.
//  [X] RecordStart/RecordStop: voice_web.cpp (memos stored like photos).
//  [X] PlayMemo/StopPlayback: playback_web.cpp (a memo heard before sending).
//  [X] Upload progress: a media body (a tus PATCH) goes by XMLHttpRequest,
//      whose xhr.upload.onprogress fetch() lacks; the bytes gone out are
//      reported as UploadProgress at most every kProgressMs and only when
//      they moved (the last value always arrives, before the reply).
//      Each chunk carries Upload-Checksum (SHA-256, tus checksum extension)
//      where the page is a secure context and so has crypto.subtle.
//
// Limits: a reply body above kMaxBodyBytes is refused (status 0, "too
// large") before it is copied into the wasm heap; a request that has not
// answered in kTimeoutMs is aborted — an upload only after kTimeoutMs
// without a byte going out, so a slow network can still send a photo.
// Bytes are passed through unchanged.
#include "effects_web.hpp"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "photos_web.hpp"
#include "playback_web.hpp"
#include "voice_web.hpp"

namespace civic::web {

namespace {

constexpr unsigned kMaxBodyBytes = 16u << 20;   // 16 MiB: a catalogue or timeline is far smaller
constexpr unsigned kTimeoutMs = 30000;
constexpr unsigned kLocateTimeoutMs = 15000;   // a phone's first GPS fix indoors can take this long
constexpr unsigned kProgressMs = 200;          // UploadProgress at most 5 times a second

std::deque<app::Event> g_done;
void (*g_arrived)() = nullptr;

// A completion from a browser callback: queued, then the shell is told.
void arrived(app::Event e) {
  g_done.push_back(std::move(e));
  if (g_arrived) g_arrived();
}

// The JS side owns nothing after it calls back: it frees what it allocated.
// A body_media request reads its bytes from IndexedDB first (civic-photos.js).
EM_JS(void, civic_fetch, (double id, const char* method, const char* url, const char* headers_json,
                          const char* body, int body_len, unsigned max_bytes, unsigned timeout_ms,
                          const char* media, double media_offset, double media_length, unsigned progress_ms), {
  const req = {
    method : UTF8ToString(method),
    headers : JSON.parse(UTF8ToString(headers_json)),
    cache : 'no-store',
  };
  if (body_len > 0) req.body = HEAPU8.slice(body, body + body_len);
  const mediaId = media ? UTF8ToString(media) : "";
  const target = UTF8ToString(url);
  const done = (status, bytes, error) => {
    const n = bytes ? bytes.length : 0;
    const p = _malloc(n + 1);
    if (n) HEAPU8.set(bytes, p);
    const elen = lengthBytesUTF8(error) + 1;
    const e = _malloc(elen);
    stringToUTF8(error, e, elen);
    _civic_http_done(id, status, p, n, e);
    _free(p);
    _free(e);
  };
  const ctl = typeof AbortController !== 'undefined' ? new AbortController() : null;
  if (ctl) req.signal = ctl.signal;
  let timer = 0;
  // The catalogue the page asked for before the wasm started (civic-page.js):
  // adopted once, under the same timeout as a request of our own.
  const adopted = !mediaId && body_len <= 0 && Module.civicPrefetched ? Module.civicPrefetched(req.method, target) : null;
  const send = () => {
    timer = setTimeout(() => { if (ctl) ctl.abort(); }, timeout_ms);
    if (!adopted) return fetch(target, req);
    return !ctl ? adopted : Promise.race([adopted, new Promise((_, reject) => ctl.signal.addEventListener('abort', () => {
      const e = new Error('aborted');
      e.name = 'AbortError';
      reject(e);
    }))]);
  };
  if (mediaId) {   // a tus PATCH: its body from IndexedDB, sent with progress and its checksum
    Module.civicPhotosLoad()
        .then((p) => p.slice(mediaId, media_offset, media_length))
        .then(async (bytes) => {
          // tus checksum extension, as the native shells send it: the server
          // refuses a chunk damaged on the way (460) instead of storing it.
          // crypto.subtle exists only in a secure context (https or
          // loopback); elsewhere the chunk goes without, which tus allows.
          if (globalThis.crypto && crypto.subtle) {
            const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
            req.headers['Upload-Checksum'] = 'sha256 ' + btoa(String.fromCharCode.apply(null, d));
          }
          return bytes;
        })
        .then((bytes) => Module.civicUpload(id, req.method, target, req.headers, bytes, max_bytes, timeout_ms, progress_ms, done))
        .catch((err) => done(0, null, String(err && err.message || err)));
    return;
  }
  send()
      .then(async (r) => {
        const len = Number(r.headers.get('Content-Length') || 0);
        if (len > max_bytes) throw new Error('reply too large: ' + len + ' bytes');
        const bytes = new Uint8Array(await r.arrayBuffer());
        if (bytes.length > max_bytes) throw new Error('reply too large: ' + bytes.length + ' bytes');
        clearTimeout(timer);
        const h = [];
        r.headers.forEach((v, k) => { if (h.length < 200) h.push([k, v]); });
        const hs = JSON.stringify(h);
        const hl = lengthBytesUTF8(hs) + 1;
        const hp = _malloc(hl);
        stringToUTF8(hs, hp, hl);
        _civic_http_headers(id, hp);
        _free(hp);
        done(r.status, bytes, "");
      })
      .catch((err) => {
        clearTimeout(timer);
        const why = err && err.name === 'AbortError' ? 'timed out after ' + timeout_ms + ' ms' : String(err && err.message || err);
        done(0, null, why);
      });
});

// An upload by XMLHttpRequest (fetch() reports no upload progress): the
// reply as civic_fetch's, plus _civic_http_progress(id, sent, total) while
// the body goes out — throttled to one per progress_ms, only when `sent`
// moved, the latest value flushed before the reply. The timer is of
// inactivity: every byte that goes out restarts it.
EM_JS(void, civic_install_upload, (), {
  Module.civicUpload = (id, method, url, headers, bytes, max_bytes, timeout_ms, progress_ms, done) => {
    const xhr = new XMLHttpRequest();
    let finished = false, timedOut = false, timer = 0, later = 0, told = -1, latest = 0, toldAt = -1e9;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => { timedOut = true; xhr.abort(); }, timeout_ms);
    };
    const tell = () => {
      later = 0;
      if (finished || latest === told) return;
      told = latest;
      toldAt = performance.now();
      _civic_http_progress(id, latest, bytes.length);
    };
    const end = (status, body, error) => {
      if (finished) return;
      clearTimeout(timer);
      clearTimeout(later);
      if (status) tell();   // the last count before the reply
      finished = true;
      done(status, body, error);
    };
    try {
      xhr.open(method, url);
      xhr.responseType = 'arraybuffer';
      for (const k of Object.keys(headers)) xhr.setRequestHeader(k, headers[k]);
    } catch (e) {
      setTimeout(() => end(0, null, String(e && e.message || e)), 0);
      return;
    }
    xhr.upload.onprogress = (e) => {
      arm();
      latest = Math.min(e.loaded, bytes.length);
      if (latest === told || later) return;
      const wait = progress_ms - (performance.now() - toldAt);
      if (wait <= 0) tell();
      else later = setTimeout(tell, wait);
    };
    xhr.onload = () => {
      const body = new Uint8Array(xhr.response || new ArrayBuffer(0));
      if (body.length > max_bytes) { end(0, null, 'reply too large: ' + body.length + ' bytes'); return; }
      latest = bytes.length;   // answered: the whole body went
      const h = [];
      // (no backslash escapes in EM_JS: the macro would turn them into real line breaks)
      for (const line of (xhr.getAllResponseHeaders() || '').split(String.fromCharCode(10))) {
        const at = line.indexOf(':');
        if (at > 0 && h.length < 200) h.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
      }
      const hs = JSON.stringify(h);
      const hl = lengthBytesUTF8(hs) + 1;
      const hp = _malloc(hl);
      stringToUTF8(hs, hp, hl);
      _civic_http_headers(id, hp);
      _free(hp);
      end(xhr.status, body, "");
    };
    xhr.onerror = () => end(0, null, 'network error during upload');
    xhr.onabort = () => end(0, null, timedOut ? 'no upload progress for ' + timeout_ms + ' ms' : 'upload aborted');
    arm();
    xhr.send(bytes);
  };
});

// IndexedDB: one database, one object store of records keyed by the entry's
// idempotency key. Opened once; every call waits on the same promise.
EM_JS(void, civic_idb_op, (int op, double save_id, const char* key, const unsigned char* bytes, int len), {
  // op: 0 put, 1 delete, 2 load all
  const k = key ? UTF8ToString(key) : "";
  const data = len > 0 ? HEAPU8.slice(bytes, bytes + len) : null;
  const report = (ok, why) => {
    const n = lengthBytesUTF8(why) + 1;
    const p = _malloc(n);
    stringToUTF8(why, p, n);
    _civic_outbox_saved(save_id, ok ? 1 : 0, p);
    _free(p);
  };
  Module.civicOpenDb().then((db) => {   // civic-page.js: the "civic" database, stores outbox and media
    let tx;
    try { tx = db.transaction('outbox', op == 2 ? 'readonly' : 'readwrite', {durability: 'strict'}); }
    catch (e) { tx = db.transaction('outbox', op == 2 ? 'readonly' : 'readwrite'); }
    const store = tx.objectStore('outbox');
    if (op == 0) {
      store.put(data, k);
      tx.oncomplete = () => report(true, "");   // committed: only now may bytes leave
      tx.onerror = tx.onabort = () => report(false, String(tx.error && tx.error.message || 'IndexedDB write failed'));
    } else if (op == 1) {
      store.delete(k);
    } else {
      const all = store.getAll();
      tx.oncomplete = () => {
        for (const rec of all.result || []) {
          if (!(rec instanceof Uint8Array)) continue;
          const p = _malloc(rec.length + 1);
          HEAPU8.set(rec, p);
          _civic_outbox_record(p, rec.length);
          _free(p);
        }
        _civic_outbox_loaded();
      };
      tx.onerror = tx.onabort = () => _civic_outbox_loaded();
    }
  }).catch((e) => {
    console.warn('civic: outbox storage unavailable: ' + e);
    if (op == 0) report(false, String(e && e.message || e));
    if (op == 2) _civic_outbox_loaded();
  });
});

EM_JS(void, civic_stream_open, (double sid, const char* url), {
  if (!Module.civicStreams) Module.civicStreams = new Map();
  const send = (text) => {
    const n = lengthBytesUTF8(text) + 1;
    const p = _malloc(n);
    stringToUTF8(text, p, n);
    _civic_stream_bytes(sid, p);
    _free(p);
  };
  let es;
  try { es = new EventSource(UTF8ToString(url)); }
  catch (e) { setTimeout(() => _civic_stream_opened(sid, 0), 0); setTimeout(() => _civic_stream_closed(sid), 0); return; }
  Module.civicStreams.set(sid, es);
  let opened = false;
  es.onopen = () => { if (!opened) { opened = true; _civic_stream_opened(sid, 200); } };
  const onEvent = (ev) => {
    let t = "";
    if (ev.lastEventId) t += "id: " + ev.lastEventId + "\n";
    t += "event: " + ev.type + "\n";
    for (const line of String(ev.data).split("\n")) t += "data: " + line + "\n";
    send(t + "\n");
  };
  es.addEventListener('ticket', onEvent);
  es.onmessage = onEvent;
  es.onerror = () => {
    es.close();
    Module.civicStreams.delete(sid);
    if (!opened) _civic_stream_opened(sid, 0);
    _civic_stream_closed(sid);
  };
});

EM_JS(void, civic_stream_close, (double sid), {
  const es = Module.civicStreams && Module.civicStreams.get(sid);
  if (es) { es.close(); Module.civicStreams.delete(sid); }
});

// failure: 0 none, 1 denied, 2 unavailable, 3 timeout (app::LocateFailure).
EM_JS(void, civic_locate, (double id, unsigned timeout_ms), {
  const geo = typeof navigator !== 'undefined' && navigator.geolocation;
  if (!geo || (typeof isSecureContext !== 'undefined' && !isSecureContext)) {
    setTimeout(() => _civic_located(id, 2, 0, 0, 0), 0);
    return;
  }
  try {
    geo.getCurrentPosition(
        (pos) => _civic_located(id, 0, pos.coords.latitude, pos.coords.longitude, pos.coords.accuracy || 0),
        (err) => _civic_located(id, err && err.code === 1 ? 1 : err && err.code === 3 ? 3 : 2, 0, 0, 0),
        {enableHighAccuracy : true, timeout : timeout_ms, maximumAge : 60000});
  } catch (e) {
    setTimeout(() => _civic_located(id, 2, 0, 0, 0), 0);
  }
});

EM_JS(void, civic_set_wake, (double at_ms), {
  if (Module.civicWakeTimer) clearTimeout(Module.civicWakeTimer);
  const delay = Math.max(0, Math.min(at_ms - Date.now(), 2147483000));
  Module.civicWakeTimer = setTimeout(() => { Module.civicWakeTimer = 0; _civic_wake(); }, delay);
});

EM_JS(void, civic_draft_save, (const char* text), {
  try {
    const s = UTF8ToString(text);
    if (s) localStorage.setItem('civic-draft', s);
    else localStorage.removeItem('civic-draft');
  } catch (e) {
    console.warn('civic: the draft cannot be kept on this device: ' + e);
  }
});

// The stored draft (malloc'd UTF-8, freed by the caller), or null.
EM_JS(char*, civic_draft_load, (), {
  let s = null;
  try { s = localStorage.getItem('civic-draft'); } catch (e) { s = null; }
  if (!s) return 0;
  const n = lengthBytesUTF8(s) + 1;
  const p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

EM_JS(void, civic_persist_once, (), {
  if (Module.civicPersistAsked) return;
  Module.civicPersistAsked = true;
  if (navigator.storage && navigator.storage.persist)
    navigator.storage.persisted().then((p) => p || navigator.storage.persist()).catch(() => {});
});

EM_JS(void, civic_listen_online, (), {
  window.addEventListener('online', () => _civic_network_online());
});

EM_JS(char*, civic_trust_get, (const char* name), {
  let v = "";
  try { v = localStorage.getItem(UTF8ToString(name)) || ""; } catch (e) { v = ""; }
  const n = lengthBytesUTF8(v) + 1;
  const p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});

EM_JS(void, civic_trust_put, (const char* pins, const char* caps), {
  try {
    const p = UTF8ToString(pins);
    if (p) localStorage.setItem('civic.pins', p);   // "" : an unreadable store is left for a person
    localStorage.setItem('civic.capabilities', UTF8ToString(caps));
  } catch (e) {
    console.warn('civic: cannot keep the server keys (' + e.name + '); they are pinned again next time');
  }
});

std::string trust_item(const char* name) {
  char* p = civic_trust_get(name);
  std::string v(p);
  std::free(p);
  return v;
}

std::vector<std::string> g_loading;   // records of an OutboxLoad in progress
std::map<std::uint64_t, api::Params> g_headers;   // reply headers, until the reply itself arrives

void start_http(const app::HttpRequest& r) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [k, v] : r.headers) headers[k] = v;
  std::string h = headers.dump();
  civic_fetch(double(r.request_id), r.method.c_str(), r.url.c_str(), h.c_str(), r.body.data(), int(r.body.size()),
              kMaxBodyBytes, kTimeoutMs, r.body_media.c_str(), double(r.body_offset), double(r.body_length),
              kProgressMs);
}

EM_JS(void, civic_warn_unsupported, (int index), {
  console.warn('civic: effect #' + index + ' is not carried out by the web shell yet');
});

}  // namespace

void run_effects(const std::vector<app::Effect>& effects) {
  for (const auto& effect : effects) {
    std::visit(
        [&](const auto& e) {
          using T = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<T, app::HttpRequest>) {
            start_http(e);
          } else if constexpr (std::is_same_v<T, app::PhotoCompress>) {
            photos_compress(e);
          } else if constexpr (std::is_same_v<T, app::MediaForget>) {
            photos_forget(e);
          } else if constexpr (std::is_same_v<T, app::OutboxSave>) {
            civic_persist_once();
            civic_idb_op(0, double(e.save_id), e.key.c_str(), reinterpret_cast<const unsigned char*>(e.bytes.data()),
                         int(e.bytes.size()));
          } else if constexpr (std::is_same_v<T, app::OutboxDelete>) {
            civic_idb_op(1, 0, e.key.c_str(), nullptr, 0);
          } else if constexpr (std::is_same_v<T, app::OutboxLoad>) {
            g_loading.clear();
            civic_idb_op(2, 0, nullptr, nullptr, 0);
          } else if constexpr (std::is_same_v<T, app::StreamOpen>) {
            civic_stream_open(double(e.stream_id), e.url.c_str());
          } else if constexpr (std::is_same_v<T, app::StreamClose>) {
            civic_stream_close(double(e.stream_id));
          } else if constexpr (std::is_same_v<T, app::WakeAt>) {
            civic_set_wake(double(e.at_ms));
          } else if constexpr (std::is_same_v<T, app::TrustSave>) {
            civic_trust_put(e.pins_json.c_str(), e.capabilities_json.c_str());
          } else if constexpr (std::is_same_v<T, app::DraftSave>) {
            civic_draft_save(e.bytes.c_str());
          } else if constexpr (std::is_same_v<T, app::DraftLoad>) {
            app::DraftLoaded loaded;
            if (char* text = civic_draft_load()) {
              loaded.bytes = text;
              std::free(text);
            }
            g_done.push_back(std::move(loaded));
          } else if constexpr (std::is_same_v<T, app::LocateRequest>) {
            civic_locate(double(e.locate_id), kLocateTimeoutMs);
          } else if constexpr (std::is_same_v<T, app::RecordStart>) {
            voice_start(e);
          } else if constexpr (std::is_same_v<T, app::RecordStop>) {
            voice_stop(e);
          } else if constexpr (std::is_same_v<T, app::PlayMemo>) {
            playback_play(e);
          } else if constexpr (std::is_same_v<T, app::StopPlayback>) {
            playback_stop(e);
          } else {
            civic_warn_unsupported(int(effect.index()));
          }
        },
        effect);
  }
}

std::deque<app::Event> take_completions() {
  std::deque<app::Event> out;
  out.swap(g_done);
  return out;
}

bool has_completions() { return !g_done.empty(); }

void post_completion(app::Event e) { g_done.push_back(std::move(e)); }

void post_arrival(app::Event e) { arrived(std::move(e)); }

void on_completion(void (*hook)()) { g_arrived = hook; }

void install_network_events() {
  civic_listen_online();
  civic_install_upload();
}

void load_trust(app::Started& start) {
  start.pins_json = trust_item("civic.pins");
  start.capabilities_json = trust_item("civic.capabilities");
}

// The reply's headers, just before civic_http_done for the same id.
extern "C" EMSCRIPTEN_KEEPALIVE void civic_http_headers(double id, const char* json_text) {
  auto j = nlohmann::json::parse(json_text ? json_text : "", nullptr, false);
  if (j.is_discarded() || !j.is_array()) return;
  api::Params h;
  for (const auto& pair : j)
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
      h.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  g_headers[static_cast<std::uint64_t>(id)] = std::move(h);
}

extern "C" EMSCRIPTEN_KEEPALIVE void civic_outbox_saved(double save_id, int ok, const char* error) {
  arrived(app::OutboxSaved{static_cast<std::uint64_t>(save_id), ok != 0, error ? error : ""});
}
extern "C" EMSCRIPTEN_KEEPALIVE void civic_outbox_record(const char* bytes, int len) {
  if (g_loading.size() < 10000) g_loading.emplace_back(bytes, bytes + len);
}
extern "C" EMSCRIPTEN_KEEPALIVE void civic_outbox_loaded() {
  app::OutboxLoaded e;
  e.records.swap(g_loading);
  arrived(std::move(e));
}
extern "C" EMSCRIPTEN_KEEPALIVE void civic_stream_opened(double sid, int status) {
  arrived(app::StreamOpened{static_cast<std::uint64_t>(sid), status});
}
extern "C" EMSCRIPTEN_KEEPALIVE void civic_stream_bytes(double sid, const char* text) {
  arrived(app::StreamBytes{static_cast<std::uint64_t>(sid), text ? text : ""});
}
extern "C" EMSCRIPTEN_KEEPALIVE void civic_stream_closed(double sid) {
  arrived(app::StreamClosed{static_cast<std::uint64_t>(sid)});
}
extern "C" EMSCRIPTEN_KEEPALIVE void civic_located(double id, int failure, double lat, double lon, double accuracy) {
  app::Located e;
  e.locate_id = static_cast<std::uint64_t>(id);
  e.failure = failure == 0   ? app::LocateFailure::none
              : failure == 1 ? app::LocateFailure::denied
              : failure == 3 ? app::LocateFailure::timeout
                             : app::LocateFailure::unavailable;
  e.lat = lat;
  e.lon = lon;
  e.accuracy_m = accuracy;
  arrived(e);
}
extern "C" EMSCRIPTEN_KEEPALIVE void civic_wake() { arrived(app::Tick{}); }
extern "C" EMSCRIPTEN_KEEPALIVE void civic_network_online() { arrived(app::NetworkOnline{}); }

// Bytes of an upload's body gone out (Module.civicUpload, already throttled).
extern "C" EMSCRIPTEN_KEEPALIVE void civic_http_progress(double id, double sent, double total) {
  arrived(app::UploadProgress{static_cast<std::uint64_t>(id), static_cast<std::uint64_t>(sent),
                              static_cast<std::uint64_t>(total)});
}

// Called from civic_fetch's promise: queued; the shell applies it (on_completion).
extern "C" EMSCRIPTEN_KEEPALIVE void civic_http_done(double id, int status, const char* body, int body_len,
                                                     const char* error) {
  app::HttpDone d;
  d.request_id = static_cast<std::uint64_t>(id);
  d.status = status;
  d.body.assign(body, body + body_len);
  d.error = error ? error : "";
  if (auto h = g_headers.find(d.request_id); h != g_headers.end()) {
    d.headers = std::move(h->second);
    g_headers.erase(h);
  }
  arrived(std::move(d));
}

}  // namespace civic::web

