// server/router.hpp — maps (method, path) to a handler. Patterns are paths
// whose segments may be "{}" (any one segment) or "{}.json" (a segment ending
// in .json; the capture is what precedes it). Captures are percent-decoded
// segments; a capture containing '/', NUL or ".." never matches.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "server/context.hpp"
#include "server/http.hpp"

namespace civic::server {

using Captures = std::vector<std::string>;
using Handler = std::function<HttpResponse(Context&, const HttpRequest&, const Captures&)>;

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  // nullopt-like: false when no pattern matches the path (then path_known
  // says whether another method would have matched).
  bool dispatch(Context& ctx, const HttpRequest& req, HttpResponse& out, bool& path_known) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

// Each area registers its routes (georeport_*.cpp, staff_api.cpp, civic_*.cpp).
void add_catalogue_routes(Router& r);
void add_request_routes(Router& r);
void add_staff_routes(Router& r);
void add_extension_routes(Router& r);
void add_upload_routes(Router& r);

}  // namespace civic::server
