// native/cli/cmd_receipt.cpp — `civic receipt`: signed receipts, offline.
//   civic receipt verify FILE [--ticket ID] [--issuer NAME] [--no-pin]
//   civic receipt trust FILE [--issuer NAME]
// FILE is a receipt (core/crypto/receipt.hpp) or a whole POST /requests.json
// answer holding one. verify says "valid" or exactly what does not match:
// a malformed field, a key id that is not the key's, an altered field (named),
// a bad signature, another ticket, or a server key that changed since it was
// pinned (trust on first use, pins in DATA_DIR/pins.json keyed by the
// receipt's issuer). A changed key is never accepted silently: only `trust`,
// run by a person who checked the new key id with the hotline, re-pins.
// Exit codes: 0 valid, 1 not valid (or pins unreadable), 2 usage.
// Limits: FILE up to 64 KiB; the receipt inside up to 16 KiB (core's limit).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/crypto/pin_store.hpp"
#include "native/cli/pins.hpp"
#include "core/crypto/receipt.hpp"
#include "native/cli/cli.hpp"
#include "native/common/pin_file.hpp"

namespace civic::cli {

namespace {

constexpr size_t kMaxFile = 64u << 10;
using json = nlohmann::json;

struct ReceiptArgs {
  std::string action, file, ticket, issuer;
  bool no_pin = false;
};

std::string parse_args(const Context& ctx, ReceiptArgs& a) {
  const auto& args = ctx.args;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& k = args[i];
    if (k == "--ticket" || k == "--issuer") {
      if (i + 1 >= args.size()) return format(ctx.lang, "cli.missing_value", {{"option", k}});
      (k == "--ticket" ? a.ticket : a.issuer) = args[++i];
    } else if (k == "--no-pin") {
      a.no_pin = true;
    } else if (a.action.empty() && (k == "verify" || k == "trust")) {
      a.action = k;
    } else if (!a.action.empty() && a.file.empty() && k.rfind("--", 0) != 0) {
      a.file = k;
    } else {
      return format(ctx.lang, "cli.unexpected_argument", {{"argument", k}});
    }
  }
  if (a.action.empty()) return format(ctx.lang, "cli.missing_argument", {{"argument", "verify|trust"}});
  if (a.file.empty()) return format(ctx.lang, "cli.missing_argument", {{"argument", "FILE"}});
  return {};
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("crypto.receipt_unreadable", path + ": " + std::strerror(errno));
  std::string text;
  text.resize(kMaxFile + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxFile) return make_error("crypto.receipt_unreadable", path + ": larger than 64 KiB");
  return text;
}

// The receipt in FILE: the file itself, or the "receipt" of a POST answer.
Result<crypto::Receipt> load_receipt(const std::string& path) {
  auto text = read_file(path);
  if (!text) return text.error();
  json j = json::parse(text->begin(), text->end(), nullptr, false);
  const json* r = &j;
  if (j.is_array() && j.size() == 1 && j[0].is_object() && j[0].contains("receipt")) r = &j[0]["receipt"];
  else if (j.is_object() && j.contains("receipt") && !j.contains("civic_receipt")) r = &j["receipt"];
  if (r != &j) return crypto::parse_receipt(r->dump(-1, ' ', false, json::error_handler_t::replace));
  return crypto::parse_receipt(text.value());
}

}  // namespace

// Shared with `civic file` (pins.hpp): one pin store per data directory.
std::string pins_path(const Context& ctx) { return ctx.data_dir + "/pins.json"; }

// Missing file: an empty store. Unreadable: an error (never overwritten).
Result<crypto::PinStore> load_pins(const Context& ctx) { return native::load_pin_file(pins_path(ctx)); }

// Atomic replace: write a 0600 temporary beside it, fsync, rename.
Result<bool> save_pins(const Context& ctx, const crypto::PinStore& store) {
  std::error_code ec;
  std::filesystem::create_directories(ctx.data_dir, ec);
  const std::string path = pins_path(ctx), tmp = path + ".tmp";
  const std::string text = crypto::pin_store_to_json(store);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return make_error("crypto.pins_unreadable", tmp + ": " + std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0)
    return make_error("crypto.pins_unreadable", path + ": cannot write");
  return true;
}

namespace {

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int report_valid(const Context& ctx, const crypto::Receipt& r, const std::string& trust, const std::string& issuer) {
  const std::map<std::string, std::string> p = {{"ticket", r.facts.ticket_id}, {"service", r.facts.service_code},
                                                {"time", r.facts.issued_at},   {"key_id", r.key_id},
                                                {"server", issuer}};
  if (ctx.json) {
    json j = {{"valid", true},          {"ticket_id", r.facts.ticket_id}, {"service_code", r.facts.service_code},
              {"issued_at", r.facts.issued_at}, {"issuer", r.facts.issuer}, {"key_id", r.key_id},
              {"trust", trust}};
    out(j.dump(2, ' ', false, json::error_handler_t::replace));
    return kExitOk;
  }
  std::string text = format(ctx.lang, "crypto.receipt_valid", p);
  if (trust == "first_use") text += "\n" + format(ctx.lang, "crypto.receipt_first_use", p);
  if (trust == "unpinned") text += "\n" + format(ctx.lang, "crypto.receipt_not_pinned", p);
  out(text);
  return kExitOk;
}

}  // namespace

int cmd_receipt(Context& ctx) {
  ReceiptArgs a;
  if (std::string err = parse_args(ctx, a); !err.empty()) return usage_error(ctx, err);
  auto receipt = load_receipt(a.file);
  if (!receipt) return fail(ctx, receipt.error());
  const crypto::Receipt& r = receipt.value();
  const std::string issuer = a.issuer.empty() ? r.facts.issuer : a.issuer;

  auto pins = load_pins(ctx);
  if (!pins) return fail(ctx, pins.error());

  if (a.action == "trust") {
    // The receipt must still be self-consistent; only the key is newly trusted.
    auto v = crypto::verify_receipt(r, nullptr);
    if (!v) return fail(ctx, v.error());
    crypto::replace_pin(pins.value(), issuer, r.public_key, now_utc());
    if (auto saved = save_pins(ctx, pins.value()); !saved) return fail(ctx, saved.error());
    return report_valid(ctx, r, "pinned", issuer);
  }

  const crypto::PinnedKey* pin = a.no_pin ? nullptr : crypto::find_pin(pins.value(), issuer);
  auto v = crypto::verify_receipt(r, pin ? &pin->public_key : nullptr);
  if (!v) {
    Error e = v.error();
    e.params["server"] = crypto::pin_server_name(issuer);
    return fail(ctx, e);
  }
  if (auto m = crypto::receipt_matches(r, a.ticket, nullptr); !m) return fail(ctx, m.error());
  if (a.no_pin) return report_valid(ctx, r, "unpinned", issuer);
  if (pin) return report_valid(ctx, r, "pinned", issuer);
  auto c = crypto::check_pin(pins.value(), issuer, r.public_key, now_utc());
  if (!c) return fail(ctx, c.error());
  if (auto saved = save_pins(ctx, pins.value()); !saved) return fail(ctx, saved.error());
  return report_valid(ctx, r, "first_use", issuer);
}

}  // namespace civic::cli
