// server/signin_cli.cpp — see signin_cli.hpp.
#include "server/signin_cli.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "core/forms/validators.hpp"
#include "core/i18n/messages.hpp"
#include "server/db.hpp"
#include "server/keys.hpp"
#include "server/migrations.hpp"
#include "server/signin_store.hpp"
#include "server/util.hpp"

namespace civic::server {

namespace {
Lang console_lang() {
  for (const char* v : {"CIVIC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* s = std::getenv(v); s && *s) return parse_lang(s);
  return Lang::zh_CN;
}
}  // namespace

int signin_code_main(const std::vector<std::string>& args) {
  const Lang lang = console_lang();
  std::string db_path = "var/civic.db", phone;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--db" && i + 1 < args.size()) db_path = args[++i];
    else if (phone.empty() && args[i].rfind("--", 0) != 0) phone = args[i];
    else {
      std::cerr << "civic-server signin-code: " << tr(lang, "signin.cli_usage") << "\n";
      return 2;
    }
  }
  if (phone.empty()) {
    std::cerr << "civic-server signin-code: " << tr(lang, "signin.cli_usage") << "\n";
    return 2;
  }
  auto canonical = forms::normalize_phone(phone);
  if (!canonical) {
    std::cerr << "civic-server signin-code: " << explain(lang, canonical.error()) << "\n";
    return 2;
  }
  if (!std::filesystem::exists(db_path)) {
    std::cerr << "civic-server signin-code: " << db_path << ": " << tr(lang, "signin.cli_no_db") << "\n";
    return 1;
  }
  Db db(db_path);
  if (!db.ok() || schema_version(db) < 4) {
    std::cerr << "civic-server signin-code: " << db_path << ": " << tr(lang, "signin.cli_no_db") << "\n";
    return 1;
  }
  std::filesystem::path p(db_path);
  std::string keys_dir = (p.parent_path().empty() ? std::filesystem::path(".") : p.parent_path()).append("keys").string();
  if (!std::filesystem::exists(keys_dir + "/receipt_ed25519.key")) {
    std::cerr << "civic-server signin-code: " << keys_dir << ": " << tr(lang, "signin.cli_no_db") << "\n";
    return 1;
  }
  ServerKeys keys;
  if (std::string err = load_or_create_keys(keys_dir, keys); !err.empty()) {
    std::cerr << "civic-server signin-code: " << err << "\n";
    return 1;
  }
  auto code = pending_dev_code(db, phone_key(keys, canonical.value()), now_seconds());
  if (!code) {
    std::cerr << "civic-server signin-code: " << tr(lang, "signin.cli_no_code") << "\n";
    return 1;
  }
  std::cout << *code << std::endl;
  return 0;
}

}  // namespace civic::server
