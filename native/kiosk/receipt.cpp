// native/kiosk/receipt.cpp — see receipt.hpp.
#include "native/kiosk/receipt.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto/pin_store.hpp"
#include "core/crypto/receipt.hpp"
#include "core/i18n/messages.hpp"
#include "native/common/outbox_store.hpp"
#include "native/common/pin_file.hpp"
#include "native/kiosk/qr.hpp"
#include "native/kiosk/receipt_image.hpp"
#include "native/kiosk/receipt_pdf.hpp"

extern char** environ;

namespace civic::kiosk {

namespace {

namespace fs = std::filesystem;
constexpr size_t kKeepReceipts = 500;   // files of each kind; the oldest go first

std::string now_text(const char* fmt, bool utc) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  if (utc) gmtime_r(&t, &tm);
  else localtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, fmt, &tm);
  return buf;
}

std::string safe_name(const std::string& id) {
  std::string out;
  for (char c : id) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  return out.substr(0, 64);
}

// The signature check; pins the issuer's key on first use.
void check_signature(const Options& opt, const app::Ticket& t, ui::ReceiptView& v) {
  if (t.signed_receipt.empty()) return;
  v.has_signature = true;
  auto r = crypto::parse_receipt(t.signed_receipt);
  if (!r) {
    v.problem = r.error();
    return;
  }
  std::string pins_path = opt.data_dir + "/pins.json";
  auto loaded = native::load_pin_file(pins_path);
  if (!loaded) {
    v.problem = loaded.error();   // never overwrite a store we cannot read
    return;
  }
  crypto::PinStore store = std::move(loaded).value();
  const crypto::PinnedKey* pin = crypto::find_pin(store, r->facts.issuer);
  auto verdict = crypto::verify_receipt(*r, pin ? &pin->public_key : nullptr);
  if (!verdict) {
    v.problem = verdict.error();
    return;
  }
  if (auto m = crypto::receipt_matches(*r, t.id, nullptr); !m) {
    v.problem = m.error();
    return;
  }
  if (!pin) {
    auto pinned = crypto::check_pin(store, r->facts.issuer, r->public_key, now_text("%Y-%m-%dT%H:%M:%SZ", true));
    if (!pinned) {
      v.problem = pinned.error();
      return;
    }
    auto saved = native::write_file_durably(pins_path, crypto::pin_store_to_json(store));
    if (!saved) {
      v.problem = saved.error();
      return;
    }
    v.first_key = true;
  }
  v.verified = true;
  v.key_id = verdict->key_id;
}

// The newest kKeepReceipts files of each kind stay.
void prune(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::directory_entry> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) files.push_back(e);
  if (files.size() <= 2 * kKeepReceipts) return;
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    std::error_code e1, e2;
    return a.last_write_time(e1) < b.last_write_time(e2);
  });
  for (size_t i = 0; i + 2 * kKeepReceipts < files.size(); ++i) fs::remove(files[i].path(), ec);
}

// lp -d QUEUE -t TITLE FILE, without a shell; "" when it was queued.
std::string print(const std::string& printer, const std::string& file) {
  std::string dest = printer, title = "civic-receipt";
  std::vector<char*> argv = {const_cast<char*>("lp"), const_cast<char*>("-d"), dest.data(),
                             const_cast<char*>("-t"), title.data(),            const_cast<char*>(file.c_str()),
                             nullptr};
  pid_t pid = 0;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);   // stdout is the control channel
  int rc = posix_spawnp(&pid, "lp", &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return std::string("lp: ") + std::strerror(rc);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  return "lp exited with " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

}  // namespace

std::string receipts_dir(const Options& opt) { return opt.data_dir + "/receipts"; }

IssuedReceipt issue_receipt(const Options& opt, const std::string& font_path, const app::State& s,
                            const app::Ticket& t) {
  IssuedReceipt out;
  ui::ReceiptView& v = out.view;
  v.ticket_key = t.id;
  v.url = ticket_page_url(opt, t.id);
  QrMatrix qr = make_qr(v.url);
  v.qr_size = qr.size;
  v.qr = qr.dark;
  check_signature(opt, t, v);

  Lang l = s.lang;
  const char* colon = l == Lang::en ? ": " : "：";
  PrintedReceipt p;
  p.lines_before = {std::string(tr(l, "app.title")) + " · " + std::string(tr(l, "ui.receipt_title")), t.id,
                    std::string(tr(l, "kiosk.receipt_service")) + colon + t.service_name,
                    std::string(tr(l, "kiosk.receipt_time")) + colon + now_text("%Y-%m-%d %H:%M", false)};
  p.qr = std::move(qr);
  std::string check;
  if (!v.has_signature) check = std::string(tr(l, "kiosk.receipt_unsigned"));
  else if (v.verified) check = format(l, "kiosk.receipt_verified", {{"key_id", v.key_id}});
  else if (v.problem) check = format(l, "kiosk.receipt_problem", {{"problem", explain(l, *v.problem)}});
  p.lines_after = {std::string(tr(l, "kiosk.scan_to_follow")), v.url, check};
  GrayImage img = render_receipt(p, font_path);

  std::string dir = receipts_dir(opt);
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string stem = dir + "/" + safe_name(t.id) + "-" + now_text("%Y%m%dT%H%M%S", false);
  if (write_png(stem + ".png", img)) out.png = stem + ".png";
  if (write_pdf(stem + ".pdf", img)) out.pdf = stem + ".pdf";
  if (out.png.empty() || out.pdf.empty()) {
    v.output_error = make_error("kiosk.receipt_not_saved", stem, {{"detail", dir}});
  } else {
    v.saved = true;
    prune(dir);
  }
  if (!opt.printer.empty() && !out.pdf.empty()) {
    std::string err = print(opt.printer, out.pdf);
    if (err.empty()) v.printer = opt.printer;
    else v.output_error = make_error("kiosk.print_failed", err, {{"printer", opt.printer}, {"detail", err}});
  }
  return out;
}

}  // namespace civic::kiosk
