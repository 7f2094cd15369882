// server/options.hpp — civic-server's command line (a stable interface:
// scripts and tests rely on it).
//   civic-server [--port N] [--host H] [--db FILE] [--web DIR] [--media DIR]
//                [--cors ORIGIN] [--rate-limit N] [--api-key K]... [--sync full]
//                [--sms-command CMD] [--otp-ttl S] [--token-ttl S] [--otp-resend S] [--signin-rate N]
//   civic-server staff ... (staff_cli.hpp)
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace civic::server {

struct Options {
  int port = 8080;                   // $PORT when set
  std::string host = "127.0.0.1";    // loopback unless told otherwise
  std::string db = "var/civic.db";
  std::string web = "build/web";
  std::string media = "var/media";
  std::string cors;                  // allowed Origin; empty = CORS off
  int rate_limit = 120;              // writes (POST) per minute per client; 0 = off
  int read_rate_limit = 1200;        // reads per minute per client; 0 = off
  std::vector<std::string> api_keys; // when non-empty, POST /requests.json needs one of them
  bool sync_full = false;            // SQLite synchronous=FULL (survive power loss)
  size_t max_body = 2u << 20;        // bytes per request body (413 beyond); a tus chunk is 1 MiB
  // Route-handler workers (sockets are on one epoll thread). A submission
  // holds its worker until its group COMMIT, so this also caps how many
  // submissions one COMMIT can carry: 16 made batches of at most 15 and
  // queued the rest of 64 clients behind them; 48 measured 14% less CPU
  // per submission. Waiting workers cost no CPU.
  int threads = 48;
  // Verified sign-in (server/signin_*.cpp).
  std::string sms_command;           // program run with CIVIC_SIGNIN_PHONE/CODE in its environment; "" = development log
  int otp_ttl = 300;                 // seconds a one-time code is good for (0: expires at once, for tests)
  int token_ttl = 1800;              // seconds a resident's bearer token is good for
  int otp_resend = 60;               // seconds between two codes for one phone
  int signin_rate = 20;              // code requests and verifications per minute per client; 0 = off
};

// Parses argv (without the program name and without a leading "staff").
// Returns an empty string on success, else what is wrong.
std::string parse_options(const std::vector<std::string>& args, Options& out);

}  // namespace civic::server
