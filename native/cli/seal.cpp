// native/cli/seal.cpp — see seal.hpp.
#include "native/cli/seal.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto/encoding.hpp"
#include "core/crypto/hash.hpp"
#include "native/cli/pins.hpp"
#include "native/common/outbox_store.hpp"

namespace civic::cli {

namespace {

std::string cache_path(const Context& ctx) {
  auto h = crypto::blake2b_256(crypto::as_bytes(ctx.server));
  return ctx.data_dir + "/capabilities/" + crypto::to_hex(crypto::ByteView(h.data(), 8)) + ".json";
}

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Result<crypto::SealOutcome> seal_for_server(const Context& ctx, api::Params& form) {
  std::string caps;
  auto fetched = get(ctx, api::endpoint_url(ctx.server, "civic/capabilities.json"));
  if (fetched) {
    caps = std::move(fetched.value());
    std::error_code ec;
    std::filesystem::create_directories(ctx.data_dir + "/capabilities", ec);
    (void)native::write_file_durably(cache_path(ctx), caps);  // a cache: failing to keep it loses nothing
  } else if (fetched.error().id == "api.network") {
    std::ifstream in(cache_path(ctx), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    caps = ss.str();  // "" at the first contact: nothing to seal to
  }
  // Any other answer (404 from a plain GeoReport v2 server, 5xx): no sealing offered.
  auto pins = load_pins(ctx);
  if (!pins) return pins.error();
  auto out = crypto::seal_form_for_server(form, caps, pins.value(), api::origin_of(ctx.server), now_utc());
  if (!out) return out;
  if (out->first_use)
    if (auto saved = save_pins(ctx, pins.value()); !saved) return saved.error();
  return out;
}

}  // namespace civic::cli
