// server/static_files.hpp — the web app at "/" from --web DIR.
// Limits: only GET/HEAD; the path is resolved inside DIR (no "..", no NUL,
// no hidden files, symlinks leaving DIR are refused); "/" and unknown
// extension-less paths give index.html (the app routes on the client).
// A precompressed sibling (FILE.br, FILE.gz) is served when the client's
// Accept-Encoding allows it, with Vary: Accept-Encoding.
#pragma once
#include <string>

#include "server/http.hpp"

namespace civic::server {

// Fills out for a static file; false when nothing there (caller answers 404).
bool serve_static(const std::string& root, const HttpRequest& req, HttpResponse& out);
std::string mime_type(const std::string& path);
// The page's Content-Security-Policy: 'wasm-unsafe-eval' for WebAssembly,
// never 'unsafe-eval' or 'unsafe-inline'.
const std::string& content_security_policy();
// The event stream listens on its own port (events_stream.hpp): the page's
// CSP then allows connect-src to http://<Host>:<port> as well.
void allow_stream_port(int port);

}  // namespace civic::server
