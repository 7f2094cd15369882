// native/cli/cmd_file.cpp — `civic file`: file a concern through the outbox.
//   civic file --service CODE [--description T] [--attr CODE=VALUE]...
//              [--lat N --long N | --address T] [--email E] [--phone P]
//              [--first-name T] [--last-name T] [--photo PATH]... [--video PATH]...
// When the server publishes a certified sealing key, name, phone and email
// are queued and sent only inside `sealed_personal` (seal.hpp); when the
// resident is signed in (civic signin), the concern is filed under the account.
// The concern is written to DATA_DIR/outbox (fsync'd) with a fresh
// idempotency key BEFORE anything is sent, then delivered once. Exit 0 with
// the ticket number; 75 (EX_TEMPFAIL) when the server cannot be reached or
// is busy — the concern stays queued for `civic outbox flush`; 1 when the
// server refuses the content (kept, marked failed, shown by `outbox list`).
// Each --photo is compressed as `civic compress` does (upright, metadata
// stripped, ≤ 2048 px, ≤ 512 KiB) and stored durably next to the entry
// before the entry itself; it goes up by tus (create, PATCH chunks with
// Upload-Checksum, HEAD to resume after a kill) and the POST names it in
// media_url. A photo that cannot be read or decoded: exit 1, nothing queued.
// Each --video is stored as is (never re-encoded), like the phone's: at
// most app::kMaxVideos of at most app::kMaxVideoBytes, an .mp4/.m4v, .mov
// or .webm whose bytes pass the server's own check (core/media
// upload_check) before anything is queued — else exit 1 with the reason.
// The queued copy has its location metadata blanked in place (core/media/
// video_meta: Android's ©xyz, an iPhone's location keys, 3GPP loci; same
// size, same frames) — the resident's own file is never modified — and
// stderr says how many location items were removed; a video whose boxes
// cannot be walked for sure is refused (video.clean_failed), not sent.
// On a terminal, stderr shows the attachments going up ("上传附件 43%").
// $CIVIC_API_KEY, when set, is sent as GeoReport's api_key;
// $CIVIC_UPLOAD_CHUNK_BYTES (64 KiB – 16 MiB) sets the tus chunk size
// (default 1 MiB; smaller on flaky mobile links, and in tests);
// $CIVIC_TUS_PATCH_AS_POST=1 sends each chunk as POST with
// X-HTTP-Method-Override: PATCH, for networks whose proxies drop PATCH.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <span>

#include "core/app/video_flow.hpp"
#include "core/media/compress.hpp"
#include "core/media/upload_check.hpp"
#include "core/media/video_meta.hpp"
#include "core/outbox/delivery.hpp"
#include "native/cli/cli.hpp"
#include "native/cli/seal.hpp"
#include "native/cli/session.hpp"
#include "native/cli/upload_meter.hpp"
#include "native/common/outbox_deliver.hpp"

namespace civic::cli {

outbox::DeliveryConfig delivery_config(const Context& ctx) {
  outbox::DeliveryConfig c;
  c.base = ctx.server;
  c.lang = ctx.lang;
  if (const char* k = std::getenv("CIVIC_API_KEY"); k && *k) c.api_key = k;
  c.authorization = session_authorization(ctx);  // signed in: the concern is filed under the account
  if (const char* k = std::getenv("CIVIC_UPLOAD_CHUNK_BYTES"); k && *k) {
    char* end = nullptr;
    unsigned long long n = std::strtoull(k, &end, 10);
    if (end && *end == 0 && n >= (64u << 10) && n <= (16u << 20)) c.chunk_bytes = n;
  }
  if (const char* k = std::getenv("CIVIC_TUS_PATCH_AS_POST"); k && std::strcmp(k, "1") == 0) c.patch_as_post = true;
  return c;
}

int report_delivery(const Context& ctx, const outbox::OutboxEntry& e, const native::DeliverOutcome& d) {
  if (d.storage_error) return fail(ctx, *d.storage_error);
  switch (d.state) {
    case outbox::EntryState::delivered: {
      std::string id = e.service_request_id.empty() ? e.token : e.service_request_id;
      if (ctx.json)
        out(nlohmann::json{{"service_request_id", e.service_request_id}, {"token", e.token}, {"idempotency_key", e.key}}
                .dump());
      else
        out(format(ctx.lang, "outbox.delivered_as", {{"id", id}}));
      return kExitOk;
    }
    case outbox::EntryState::failed_needs_input:
      return fail(ctx, e.last_error.value_or(make_error("api.http_status", "", {{"status", "4xx"}})));
    default: {
      std::string why = e.last_error ? explain(ctx.lang, *e.last_error) : std::string();
      std::fprintf(stderr, "civic: %s%s%s\n", format(ctx.lang, "outbox.queued_exit", {{"key", e.key}}).c_str(),
                   why.empty() ? "" : "\n  ", why.c_str());
      if (ctx.json) out(nlohmann::json{{"queued", true}, {"idempotency_key", e.key}}.dump());
      return kExitTempFail;
    }
  }
}

namespace {

// Reads, compresses (core/media, as `civic compress`) and durably stores one photo.
Result<outbox::MediaItem> store_photo(native::OutboxStore& store, const std::string& key, int index,
                                      const std::string& path) {
  media::CompressOptions opt;
  std::ifstream f(path, std::ios::binary);
  if (!f) return make_error("cli.compress.read_failed", path + ": " + std::strerror(errno), {{"path", path}});
  std::vector<std::uint8_t> bytes;
  char buf[1 << 16];
  while (f.read(buf, sizeof buf) || f.gcount() > 0) {
    bytes.insert(bytes.end(), buf, buf + f.gcount());
    if (bytes.size() > opt.limits.max_file_bytes)
      return make_error("media.too_big_file", path,
                        {{"bytes", std::to_string(bytes.size()) + "+"}, {"limit", std::to_string(opt.limits.max_file_bytes)}});
  }
  auto c = media::compress(bytes, opt);
  if (!c) return c.error();
  std::string jpeg(c->jpeg.begin(), c->jpeg.end());
  auto stored = store.save_media(key, index, ".jpg", jpeg);
  if (!stored) return stored.error();
  return outbox::make_media_item(stored.value(), "image/jpeg", jpeg);
}

// Checks and durably stores one video, as picked but without its location
// (core/app/video_flow.hpp's rules: type by extension, size cap, and the
// server's whole-file check; then core/media/video_meta on the copy).
Result<outbox::MediaItem> store_video(const Context& ctx, native::OutboxStore& store, const std::string& key,
                                      int index, const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return make_error("video.read_failed", path + ": " + ec.message(), {{"name", name}});
  if (size == 0) return make_error("video.empty", path, {{"name", name}});
  if (size > app::kMaxVideoBytes) return app::video_too_big(name, size);   // never read
  const std::string type = app::video_content_type("", name);
  if (type.empty()) return make_error("video.bad_type", path, {{"name", name}});
  std::ifstream f(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!f || !f.read(bytes.data(), static_cast<std::streamsize>(size)))
    return make_error("video.read_failed", path + ": " + std::strerror(errno), {{"name", name}});
  const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
  if (auto bad = media::check_upload_content(type, std::span<const std::uint8_t>(p, bytes.size())))
    return make_error("video.not_video", bad->id + " " + bad->detail, {{"name", name}});
  auto* mutable_bytes = reinterpret_cast<std::uint8_t*>(bytes.data());
  auto clean = media::blank_video_location(std::span<std::uint8_t>(mutable_bytes, bytes.size()));
  if (!clean) return make_error("video.clean_failed", clean.error().id + " " + clean.error().detail, {{"name", name}});
  if (clean->blanked > 0)
    std::fprintf(stderr, "civic: %s\n",
                 format(ctx.lang, "video.location_removed", {{"name", name}, {"count", std::to_string(clean->blanked)}}).c_str());
  auto stored = store.save_media(key, index, "." + std::string(media::upload_extension(type)), bytes);
  if (!stored) return stored.error();
  return outbox::make_media_item(stored.value(), type, bytes);
}

}  // namespace

int cmd_file(Context& ctx) {
  std::string service;
  api::Params form;
  std::map<std::string, int> attr_count;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<std::string> photos, videos;
  static const std::map<std::string, std::string> kFields = {
      {"--description", "description"}, {"--lat", "lat"},     {"--long", "long"},
      {"--address", "address_string"},  {"--email", "email"}, {"--phone", "phone"},
      {"--first-name", "first_name"},   {"--last-name", "last_name"}};
  for (std::size_t i = 0; i < ctx.args.size(); ++i) {
    const std::string& opt = ctx.args[i];
    if (i + 1 >= ctx.args.size())
      return usage_error(ctx, format(ctx.lang, "cli.missing_value", {{"option", opt}}));
    const std::string& v = ctx.args[++i];
    if (opt == "--service") {
      service = v;
    } else if (opt == "--photo") {
      photos.push_back(v);
    } else if (opt == "--video") {
      videos.push_back(v);
    } else if (opt == "--attr") {
      auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0)
        return usage_error(ctx, format(ctx.lang, "cli.missing_value", {{"option", "--attr CODE=VALUE"}}));
      attrs.emplace_back(v.substr(0, eq), v.substr(eq + 1));
      ++attr_count[v.substr(0, eq)];
    } else if (auto f = kFields.find(opt); f != kFields.end()) {
      form.emplace_back(f->second, v);
    } else {
      return usage_error(ctx, format(ctx.lang, "cli.unknown_option", {{"option", opt}}));
    }
  }
  if (service.empty()) return usage_error(ctx, format(ctx.lang, "cli.missing_argument", {{"argument", "--service"}}));
  form.insert(form.begin(), {"service_code", service});
  // GeoReport v2: attribute[CODE] once, attribute[CODE][] for each value of a list.
  for (const auto& [code, value] : attrs)
    form.emplace_back("attribute[" + code + "]" + (attr_count[code] > 1 ? "[]" : ""), value);

  // Personal fields are sealed to the server's key before the form is queued.
  auto sealed = seal_for_server(ctx, form);
  if (!sealed) return fail(ctx, sealed.error());
  std::string title;
  for (const auto& [k, v] : form)
    if (k == "description") title = v.substr(0, 120);
  native::OutboxStore store(ctx.data_dir);
  outbox::OutboxEntry e = outbox::make_entry(service, title, form, std::time(nullptr));
  if (photos.size() + videos.size() > outbox::kMaxMedia)
    return usage_error(ctx, format(ctx.lang, "forms.attachments_too_many", {{"max", std::to_string(outbox::kMaxMedia)}}));
  if (videos.size() > app::kMaxVideos)
    return usage_error(ctx, format(ctx.lang, "video.too_many", {{"max", std::to_string(app::kMaxVideos)}}));
  for (std::size_t i = 0; i < photos.size() + videos.size(); ++i) {
    auto item = i < photos.size() ? store_photo(store, e.key, static_cast<int>(i), photos[i])
                                  : store_video(ctx, store, e.key, static_cast<int>(i), videos[i - photos.size()]);
    if (!item) {
      std::error_code ec;
      std::filesystem::remove_all(store.media_dir(e.key), ec);   // nothing queued: no orphans either
      return fail(ctx, item.error());
    }
    e.media.push_back(std::move(item).value());
  }
  if (auto saved = store.save(e); !saved) return fail(ctx, saved.error());
  if (!store.try_lock()) return report_delivery(ctx, e, {});  // another civic is delivering: stay queued
  native::DeliverOutcome outcome;
  {
    UploadMeter meter(ctx);   // the photos going up, on a terminal
    outcome = native::deliver_entry(store, e, delivery_config(ctx), false, meter.callback());
  }
  return report_delivery(ctx, e, outcome);
}

}  // namespace civic::cli
