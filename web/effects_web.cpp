// web/effects_web.cpp — the browser side of core's Effects.
//
// Backend checklist:
//  [X] HttpRequest: window.fetch() with method, headers and body; the reply's
//      status and body (any status, so GeoReport error arrays reach core);
//      network failures and timeouts as status 0 with a reason.
//  [ ] Upload progress (needs XMLHttpRequest.upload; fetch() has none).
//  [ ] EventSource, IndexedDB outbox, timers: as core grows those effects.
//
// Limits: a reply body above kMaxBodyBytes is refused (status 0, "too
// large") before it is copied into the wasm heap; a request that has not
// answered in kTimeoutMs is aborted. Bytes are passed through unchanged.
#include "effects_web.hpp"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <string>
#include <type_traits>

namespace civic::web {

namespace {

constexpr unsigned kMaxBodyBytes = 16u << 20;   // 16 MiB: a catalogue or timeline is far smaller
constexpr unsigned kTimeoutMs = 30000;

std::deque<app::Event> g_done;

// The JS side owns nothing after it calls back: it frees what it allocated.
EM_JS(void, civic_fetch, (double id, const char* method, const char* url, const char* headers_json,
                          const char* body, int body_len, unsigned max_bytes, unsigned timeout_ms), {
  const req = {
    method : UTF8ToString(method),
    headers : JSON.parse(UTF8ToString(headers_json)),
    cache : 'no-store',
  };
  if (body_len > 0) req.body = HEAPU8.slice(body, body + body_len);
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
  const timer = setTimeout(() => { if (ctl) ctl.abort(); }, timeout_ms);
  fetch(UTF8ToString(url), req)
      .then(async (r) => {
        const len = Number(r.headers.get('Content-Length') || 0);
        if (len > max_bytes) throw new Error('reply too large: ' + len + ' bytes');
        const bytes = new Uint8Array(await r.arrayBuffer());
        if (bytes.length > max_bytes) throw new Error('reply too large: ' + bytes.length + ' bytes');
        clearTimeout(timer);
        done(r.status, bytes, "");
      })
      .catch((err) => {
        clearTimeout(timer);
        const why = err && err.name === 'AbortError' ? 'timed out after ' + timeout_ms + ' ms' : String(err && err.message || err);
        done(0, null, why);
      });
});

void start_http(const app::HttpRequest& r) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [k, v] : r.headers) headers[k] = v;
  std::string h = headers.dump();
  civic_fetch(double(r.request_id), r.method.c_str(), r.url.c_str(), h.c_str(), r.body.data(), int(r.body.size()),
              kMaxBodyBytes, kTimeoutMs);
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

// Called from civic_fetch's promise: queue, never update() here.
extern "C" EMSCRIPTEN_KEEPALIVE void civic_http_done(double id, int status, const char* body, int body_len,
                                                     const char* error) {
  app::HttpDone d;
  d.request_id = static_cast<std::uint64_t>(id);
  d.status = status;
  d.body.assign(body, body + body_len);
  d.error = error ? error : "";
  g_done.push_back(std::move(d));
}

}  // namespace civic::web

