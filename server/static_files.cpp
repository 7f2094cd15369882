// server/static_files.cpp — see static_files.hpp.
#include "server/static_files.hpp"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>

namespace civic::server {

namespace {
bool is_file(const std::string& p) {
  struct stat st{};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool accepts(const HttpRequest& req, const char* coding) {
  std::string ae = req.header("accept-encoding");
  size_t pos = ae.find(coding);
  if (pos == std::string::npos) return false;
  // "br;q=0" refuses it.
  size_t end = ae.find(',', pos);
  std::string part = ae.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  return part.find("q=0") == std::string::npos || part.find("q=0.") != std::string::npos;
}

// Real path of p, and whether it stays under root (root already resolved).
bool inside(const std::string& root_real, const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return false;
  std::string r(buf);
  return r.size() > root_real.size() && r.compare(0, root_real.size(), root_real) == 0 && r[root_real.size()] == '/';
}
}  // namespace

std::string mime_type(const std::string& p) {
  struct Row { const char* ext; const char* type; };
  static const Row rows[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".wasm", "application/wasm"},
      {".css", "text/css; charset=utf-8"}, {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}, {".svg", "image/svg+xml"},
      {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".webp", "image/webp"}, {".ico", "image/x-icon"}, {".ttf", "font/ttf"},
      {".otf", "font/otf"}, {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"},
      {".data", "application/octet-stream"}, {".map", "application/json; charset=utf-8"},
      {".mp4", "video/mp4"}, {".webm", "video/webm"}, {".m4a", "audio/mp4"},
  };
  for (const Row& r : rows)
    if (p.ends_with(r.ext)) return r.type;
  return "application/octet-stream";
}

const std::string& content_security_policy() {
  static const std::string csp =
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
      "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; "
      "worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
      "form-action 'self'; frame-ancestors 'none'";
  return csp;
}

namespace {
int g_stream_port = 0;

// The page's CSP, with the event stream's origin (same host, its own port)
// allowed for connect-src: the app's EventSource follows the 307 there.
std::string page_csp(const HttpRequest& req) {
  std::string csp = content_security_policy();
  std::string host = req.header("host");
  if (g_stream_port <= 0 || host.empty() || host.find_first_of("/\r\n @;,'\"") != std::string::npos) return csp;
  if (host.front() != '[') host = host.substr(0, host.rfind(':'));
  const std::string anchor = "connect-src 'self'";
  std::size_t at = csp.find(anchor);
  if (at != std::string::npos)
    csp.insert(at + anchor.size(), " http://" + host + ":" + std::to_string(g_stream_port));
  return csp;
}
}  // namespace

void allow_stream_port(int port) { g_stream_port = port; }

bool serve_static(const std::string& root, const HttpRequest& req, HttpResponse& out) {
  if (req.method != "GET" && req.method != "HEAD") return false;
  const std::string& path = req.path;
  if (path.empty() || path[0] != '/' || path.find('\0') != std::string::npos || path.find('\\') != std::string::npos)
    return false;
  // Reject any hidden or parent segment ("/.git", "/../x", "/a/./b").
  for (size_t i = 0; i < path.size(); ++i)
    if (path[i] == '/' && i + 1 < path.size() && path[i + 1] == '.') return false;
  char buf[PATH_MAX];
  if (!::realpath(root.c_str(), buf)) return false;
  std::string root_real(buf);

  std::string rel = path == "/" ? "/index.html" : path;
  std::string file = root_real + rel;
  if (!is_file(file)) {
    // Client-side routes (no extension) fall back to the app.
    std::string last = rel.substr(rel.rfind('/') + 1);
    if (last.find('.') != std::string::npos) return false;
    file = root_real + "/index.html";
    if (!is_file(file)) return false;
  }
  if (!inside(root_real, file)) return false;

  out = HttpResponse{};
  out.content_type = mime_type(file);
  out.file_path = file;
  for (const char* coding : {"br", "gzip"}) {
    std::string sibling = file + (coding[0] == 'b' ? ".br" : ".gz");
    if (accepts(req, coding) && is_file(sibling) && inside(root_real, sibling)) {
      out.file_path = sibling;
      out.set_header("Content-Encoding", coding);
      break;
    }
  }
  out.set_header("Vary", "Accept-Encoding");
  // index.html must be revalidated so a new build is picked up at once.
  out.set_header("Cache-Control", file.ends_with(".html") ? "no-cache" : "public, max-age=300");
  // Workers run under their own script's CSP, not the page's: the service
  // worker fetches the app shell, the photo worker loads civic-media.js and
  // compiles its wasm (without this they would get default-src 'none').
  if (file.ends_with(".html") || file.ends_with("/service-worker.js") || file.ends_with("/civic-media-worker.js"))
    out.set_header("Content-Security-Policy", page_csp(req));
  return true;
}

}  // namespace civic::server
