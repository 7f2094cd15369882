// server/main.cpp — civic-server: the reference Open311 GeoReport v2 backend.
//   civic-server [--port N] [--host H] [--db FILE] [--web DIR] [--media DIR] [--cors ORIGIN] ...
//   civic-server staff [--db FILE | --server URL --token T] update ID --status S [--note T] [--department D]
//   civic-server signin-code [--db FILE] PHONE   (development: the pending sign-in code)
// On first start it creates the database (migrations), seeds the catalogue,
// makes the receipt and sealing keys and the development staff token.
#include <pthread.h>
#include <signal.h>
#include <sodium.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "core/i18n/messages.hpp"
#include "server/context.hpp"
#include "server/events_stream.hpp"
#include "server/migrations.hpp"
#include "server/router.hpp"
#include "server/security_routes.hpp"
#include "server/signin.hpp"
#include "server/signin_cli.hpp"
#include "server/staff_cli.hpp"
#include "server/staff_tokens.hpp"
#include "server/static_files.hpp"
#include "server/transport.hpp"

using namespace civic;
using namespace civic::server;

namespace {

Lang console_lang() {
  const char* vars[] = {"CIVIC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"};
  for (const char* v : vars)
    if (const char* s = std::getenv(v); s && *s) return parse_lang(s);
  return Lang::zh_CN;
}

int serve(const std::vector<std::string>& args) {
  // SIGINT/SIGTERM are blocked before any thread exists (every thread
  // inherits the mask) and taken by run_http's sigwait thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  Options opts;
  if (std::string err = parse_options(args, opts); !err.empty()) {
    std::cerr << "civic-server: " << err << "\n" << tr(console_lang(), "server.usage") << "\n";
    return 2;
  }
  std::error_code ec;
  std::filesystem::path db_path(opts.db);
  if (db_path.has_parent_path()) std::filesystem::create_directories(db_path.parent_path(), ec);
  std::filesystem::create_directories(opts.media, ec);

  Db db(opts.db, opts.sync_full);
  if (!db.ok()) {
    std::cerr << "civic-server: " << opts.db << ": " << db.error() << "\n";
    return 1;
  }
  if (std::string err = migrate(db); !err.empty()) {
    std::cerr << "civic-server: migration failed: " << err << "\n";
    return 1;
  }
  db.start_background_checkpoints();  // keeps the WAL's fsyncs off the commit path (db.hpp)
  Context ctx(opts);
  ctx.db = &db;
  if (std::string err = load_catalogue(db, ctx.catalogue); !err.empty()) {
    std::cerr << "civic-server: catalogue: " << err << "\n";
    return 1;
  }
  std::string keys_dir =
      (db_path.parent_path().empty() ? std::filesystem::path(".") : db_path.parent_path()).append("keys").string();
  if (std::string err = load_or_create_keys(keys_dir, ctx.keys); !err.empty()) {
    std::cerr << "civic-server: keys: " << err << "\n";
    return 1;
  }
  std::string staff_token;
  if (std::string err = ensure_dev_staff_token(db, opts.db, staff_token); !err.empty()) {
    std::cerr << "civic-server: staff token: " << err << "\n";
    return 1;
  }

  Router router;
  add_catalogue_routes(router);
  add_request_routes(router);
  add_staff_routes(router);
  add_extension_routes(router);
  add_upload_routes(router);
  add_security_routes(router);
  add_signin_routes(router);
  if (int events_port = start_event_stream(ctx, router); events_port < 0)
    std::cerr << "civic-server: event stream unavailable\n";  // tracking: SSE on its own epoll listener
  else
    allow_stream_port(events_port);   // the page's CSP lets its EventSource follow the 307

  Lang lang = console_lang();
  int rc = run_http(ctx, router, [&](int port) {
    std::string host = opts.host == "0.0.0.0" ? "127.0.0.1" : opts.host;
    std::string url = "http://" + host + ":" + std::to_string(port) + "/";
    // The English line is stable: scripts and tests wait for it.
    if (lang != Lang::en) std::cout << format(lang, "server.running", {{"url", url}}) << "\n";
    std::cout << "Civic Desk is running at " << url << std::endl;
  });
  if (rc != 0) {
    std::cerr << "civic-server: cannot listen on " << opts.host << ":" << opts.port << "\n";
    return 1;
  }
  std::cout << tr(lang, "server.stopping") << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::cerr << "civic-server: libsodium failed to start\n";
    return 1;
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << tr(console_lang(), "server.usage") << "\n";
    return 0;
  }
  if (!args.empty() && args[0] == "staff") return staff_main(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!args.empty() && args[0] == "signin-code")
    return signin_code_main(std::vector<std::string>(args.begin() + 1, args.end()));
  return serve(args);
}
