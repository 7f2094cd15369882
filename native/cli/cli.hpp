// native/cli/cli.hpp — what every `civic` command gets: the parsed global
// options, its own arguments, and helpers to talk and to fail in the user's
// language. Each command lives in its own file (cmd_<name>.cpp) and is listed
// once in the table in main.cpp.
#pragma once
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/i18n/messages.hpp"
#include "core/result.hpp"

namespace civic::cli {

// Exit codes (sysexits.h where one fits): scripts rely on these.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // the server said no, or could not be reached
inline constexpr int kExitUsage = 2;        // bad command line (also: command not available yet)
inline constexpr int kExitTempFail = 75;    // EX_TEMPFAIL: queued, will be delivered later

struct Context {
  std::string server;      // GeoReport v2 endpoint base, normalised (ends in '/')
  std::string data_dir;    // outbox, tickets, keys
  Lang lang = Lang::zh_CN;
  bool json = false;
  std::string command;
  std::vector<std::string> args;   // after COMMAND
};

using Run = int (*)(Context&);

// Prints explain(error) to stderr in the user's language (and, with --json,
// a machine-readable {"error":{id,message,detail}} on stdout); returns kExitFailure.
int fail(const Context& ctx, const Error& e, int code = kExitFailure);
// A usage problem: the message, then the usage line; returns kExitUsage.
int usage_error(const Context& ctx, const std::string& message);

// GET a URL built by core/api with the CLI's language; the reply, or the Error
// a resident would see (network, HTTP status, server's own description).
Result<std::string> get(const Context& ctx, const std::string& url);

// Writes text to stdout; human output ends with a newline.
void out(const std::string& text);

}  // namespace civic::cli
