// native/cli/session.hpp — the resident's sign-in on this device:
// DATA_DIR/session.json (mode 0600, written atomically), one server at a
// time: {"civic_session":1,"server":BASE,"access_token":T,"account_id":A,
// "phone":MASKED,"expires_at":UNIX}. Limits: files above 16 KiB, another
// version, or fields of the wrong kind are treated as no session (and left
// for sign-out to wipe).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "native/cli/cli.hpp"

namespace civic::cli {

struct Session {
  std::string server;        // the GeoReport endpoint base it belongs to
  std::string access_token;
  std::string account_id;
  std::string phone;         // masked, as the server showed it
  std::int64_t expires_at = 0;
};

std::string session_path(const Context& ctx);
// The stored session for ctx.server (expired or not), if any.
std::optional<Session> load_session(const Context& ctx);
Result<bool> save_session(const Context& ctx, const Session& s);
// "Bearer T" for a session of ctx.server that has not expired yet, else "".
std::string session_authorization(const Context& ctx);
// Overwrites a file with zeros, syncs it and unlinks it; true when it is gone.
bool wipe_file(const std::string& path);

}  // namespace civic::cli
