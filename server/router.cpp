// server/router.cpp — see router.hpp.
#include "server/router.hpp"

namespace civic::server {

namespace {
std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> out;
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    out.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

bool safe_capture(const std::string& s) {
  return !s.empty() && s.find('\0') == std::string::npos && s.find("..") == std::string::npos;
}
}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  routes_.push_back(Route{std::move(method), split(pattern), std::move(handler)});
}

bool Router::dispatch(Context& ctx, const HttpRequest& req, HttpResponse& out, bool& path_known) const {
  path_known = false;
  if (req.path.empty() || req.path[0] != '/') return false;
  std::vector<std::string> segs = split(req.path);
  for (const Route& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    Captures caps;
    bool match = true;
    for (size_t i = 0; i < segs.size() && match; ++i) {
      const std::string& p = r.segments[i];
      if (p == "{}") {
        match = safe_capture(segs[i]);
        caps.push_back(segs[i]);
      } else if (p == "{}.json") {
        const std::string& s = segs[i];
        match = s.size() > 5 && s.compare(s.size() - 5, 5, ".json") == 0;
        if (match) {
          caps.push_back(s.substr(0, s.size() - 5));
          match = safe_capture(caps.back());
        }
      } else {
        match = p == segs[i];
      }
    }
    if (!match) continue;
    bool head_as_get = req.method == "HEAD" && r.method == "GET";
    if (r.method != req.method && !head_as_get) {
      path_known = true;
      continue;
    }
    out = r.handler(ctx, req, caps);
    return true;
  }
  return false;
}

}  // namespace civic::server
