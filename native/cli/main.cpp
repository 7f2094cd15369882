// native/cli/main.cpp — `civic`, the command line for developers, operators
// and scripts. Global options, then one command from the table below; each
// command is its own file (cmd_<name>.cpp). The interface is stable (issue 2):
//   civic [--server URL] [--data-dir DIR] [--lang zh-CN|en] [--json] COMMAND
// Defaults: --server from $CIVIC_SERVER, else http://127.0.0.1:8080/open311/v2/;
// --lang from $LC_ALL / $LC_MESSAGES / $LANG (zh-CN when none is English);
// --data-dir from $CIVIC_DATA_DIR, else $XDG_DATA_HOME/civic or ~/.local/share/civic.
#include <cstdlib>
#include <cstring>

#include "core/api/url.hpp"
#include "native/cli/cli.hpp"

namespace civic::cli {

int cmd_services(Context& ctx);
int cmd_service(Context& ctx);
int cmd_receipt(Context& ctx);
int cmd_compress(Context& ctx);
int cmd_file(Context& ctx);    // cmd_file.cpp, cmd_track.cpp, cmd_outbox.cpp: tracking and the outbox
int cmd_track(Context& ctx);
int cmd_outbox(Context& ctx);
int cmd_signin(Context& ctx);  // cmd_signin.cpp: verified sign-in, sign-out, the account's concerns
int cmd_signout(Context& ctx);
int cmd_mine(Context& ctx);

namespace {

struct Command {
  const char* name;
  Run run;
  const char* help_id;   // catalog id of the one-line summary
};

// The one table of commands. Add a line here and a cmd_<name>.cpp.
const Command kCommands[] = {
    {"services", cmd_services, "cli.help.services"},
    {"service", cmd_service, "cli.help.service"},
    {"file", cmd_file, "cli.help.file"},
    {"track", cmd_track, "cli.help.track"},
    {"outbox", cmd_outbox, "cli.help.outbox"},
    {"compress", cmd_compress, "cli.help.compress"},
    {"receipt", cmd_receipt, "cli.help.receipt"},
    {"signin", cmd_signin, "cli.help.signin"},
    {"signout", cmd_signout, "cli.help.signout"},
    {"mine", cmd_mine, "cli.help.mine"},
};

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

Lang default_lang() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* v = env(name)) return parse_lang(v);
  return Lang::zh_CN;
}

std::string default_data_dir() {
  if (const char* v = env("CIVIC_DATA_DIR")) return v;
  if (const char* v = env("XDG_DATA_HOME")) return std::string(v) + "/civic";
  if (const char* v = env("HOME")) return std::string(v) + "/.local/share/civic";
  return ".civic";
}

void print_help(const Context& ctx) {
  std::string text(tr(ctx.lang, "cli.usage"));
  for (const auto& c : kCommands) text += "\n  " + std::string(c.name) + "\t" + std::string(tr(ctx.lang, c.help_id));
  out(text);
}

}  // namespace

int main(int argc, char** argv) {
  Context ctx;
  ctx.lang = default_lang();
  ctx.data_dir = default_data_dir();
  std::string server = env("CIVIC_SERVER") ? env("CIVIC_SERVER") : "http://127.0.0.1:8080/open311/v2/";
  int i = 1;
  // Global options come before COMMAND; --lang is read first so that every
  // later message (even about a bad option) is in the user's language.
  for (int k = 1; k + 1 < argc; ++k)
    if (std::strcmp(argv[k], "--lang") == 0) ctx.lang = parse_lang(argv[k + 1]);
  for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; ++i) {
    std::string opt = argv[i];
    if (opt == "--json") {
      ctx.json = true;
      continue;
    }
    if (opt == "--help") {
      print_help(ctx);
      return kExitOk;
    }
    if (opt != "--server" && opt != "--data-dir" && opt != "--lang")
      return usage_error(ctx, format(ctx.lang, "cli.unknown_option", {{"option", opt}}));
    if (i + 1 >= argc) return usage_error(ctx, format(ctx.lang, "cli.missing_value", {{"option", opt}}));
    std::string v = argv[++i];
    if (opt == "--server") server = v;
    else if (opt == "--data-dir") ctx.data_dir = v;
    else if (v != "zh-CN" && v != "en" && v != "zh" && v.rfind("en-", 0) != 0 && v.rfind("zh-", 0) != 0)
      return usage_error(ctx, format(ctx.lang, "cli.bad_lang", {{"lang", v}}));
  }
  if (i >= argc) return usage_error(ctx, format(ctx.lang, "cli.missing_argument", {{"argument", "COMMAND"}}));
  if (!api::is_http_url(server)) return usage_error(ctx, format(ctx.lang, "cli.bad_url", {{"url", server}}));
  ctx.server = api::normalize_base(server);
  ctx.command = argv[i++];
  for (; i < argc; ++i) ctx.args.push_back(argv[i]);
  for (const auto& c : kCommands)
    if (ctx.command == c.name) return c.run(ctx);
  return usage_error(ctx, format(ctx.lang, "cli.unknown_command", {{"command", ctx.command}}));
}

}  // namespace civic::cli

int main(int argc, char** argv) { return civic::cli::main(argc, argv); }
