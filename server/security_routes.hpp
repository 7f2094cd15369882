// server/security_routes.hpp — the security endpoints (security_staff.cpp),
// registered by main.cpp next to the other areas' routes.
#pragma once
#include "server/router.hpp"

namespace civic::server {

void add_security_routes(Router& r);

}  // namespace civic::server
