// server/options.cpp — see options.hpp.
#include "server/options.hpp"

#include <cstdlib>

namespace civic::server {

namespace {
bool to_int(const std::string& s, int lo, int hi, int& out) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  int v = std::atoi(s.c_str());
  if (v < lo || v > hi) return false;
  out = v;
  return true;
}
}  // namespace

std::string parse_options(const std::vector<std::string>& args, Options& out) {
  if (const char* p = std::getenv("PORT"); p && *p) {
    if (!to_int(p, 0, 65535, out.port)) return "PORT must be a port number";
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& dst) -> bool {
      if (i + 1 >= args.size()) return false;
      dst = args[++i];
      return true;
    };
    std::string v;
    if (a == "--port") {
      if (!value(v) || !to_int(v, 0, 65535, out.port)) return "--port needs a port number (0-65535)";
    } else if (a == "--host") {
      if (!value(out.host)) return "--host needs an address";
    } else if (a == "--db") {
      if (!value(out.db)) return "--db needs a file";
    } else if (a == "--web") {
      if (!value(out.web)) return "--web needs a folder";
    } else if (a == "--media") {
      if (!value(out.media)) return "--media needs a folder";
    } else if (a == "--cors") {
      if (!value(out.cors)) return "--cors needs an origin (e.g. https://example.org)";
    } else if (a == "--rate-limit") {
      if (!value(v) || !to_int(v, 0, 1000000, out.rate_limit)) return "--rate-limit needs a number (0 = off)";
    } else if (a == "--read-rate-limit") {
      if (!value(v) || !to_int(v, 0, 10000000, out.read_rate_limit))
        return "--read-rate-limit needs a number (0 = off)";
    } else if (a == "--api-key") {
      if (!value(v) || v.empty()) return "--api-key needs a key";
      out.api_keys.push_back(v);
    } else if (a == "--sync") {
      if (!value(v) || (v != "full" && v != "normal")) return "--sync is full or normal";
      out.sync_full = v == "full";
    } else if (a == "--max-body") {
      int n = 0;
      if (!value(v) || !to_int(v, 1024, 1 << 30, n)) return "--max-body needs a byte count";
      out.max_body = static_cast<size_t>(n);
    } else if (a == "--threads") {
      if (!value(v) || !to_int(v, 2, 4096, out.threads)) return "--threads needs a number";
    } else if (a == "--sms-command") {
      if (!value(out.sms_command) || out.sms_command.empty()) return "--sms-command needs a program";
    } else if (a == "--otp-ttl") {
      if (!value(v) || !to_int(v, 0, 86400, out.otp_ttl)) return "--otp-ttl needs seconds (0-86400)";
    } else if (a == "--token-ttl") {
      if (!value(v) || !to_int(v, 0, 30 * 86400, out.token_ttl)) return "--token-ttl needs seconds (0-2592000)";
    } else if (a == "--otp-resend") {
      if (!value(v) || !to_int(v, 0, 86400, out.otp_resend)) return "--otp-resend needs seconds (0-86400)";
    } else if (a == "--signin-rate") {
      if (!value(v) || !to_int(v, 0, 1000000, out.signin_rate)) return "--signin-rate needs a number (0 = off)";
    } else {
      return "unknown option: " + a;
    }
  }
  return {};
}

}  // namespace civic::server
