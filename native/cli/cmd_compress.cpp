// native/cli/cmd_compress.cpp — `civic compress`: a photo made small, upright
// and private, exactly as the app does it before upload (core/media/compress).
//   civic compress IN OUT [--max-edge N] [--max-bytes N] [--quality N]
//                         [--redact x,y,w,h]... [--blur] [--json]
// --redact rectangles are in the upright photo's pixels (as a resident sees
// it); --blur blurs them instead of pixelating. --json prints width, height,
// bytes, quality, orientation applied, GPS found, the BLAKE2b hash and the
// milliseconds of each stage. OUT is written whole or not at all (temp file +
// rename). Exit codes: 0 written, 1 the photo was refused, 2 usage.
// Limits: IN up to 256 MiB (core's decode limit) and 100 MP.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/media/compress.hpp"
#include "native/cli/cli.hpp"

namespace civic::cli {

namespace {

struct CompressArgs {
  std::string in, out;
  media::CompressOptions options;
  bool blur = false;
};

bool parse_positive(const std::string& s, long long max, long long& v) {
  if (s.empty() || s.size() > 12) return false;
  v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  return v > 0 && v <= max;
}

bool parse_rect(const std::string& s, media::Rect& r) {
  int* parts[4] = {&r.x, &r.y, &r.w, &r.h};
  size_t at = 0;
  for (int i = 0; i < 4; ++i) {
    const size_t comma = i < 3 ? s.find(',', at) : s.size();
    if (comma == std::string::npos) return false;
    std::string part = s.substr(at, comma - at);
    bool neg = !part.empty() && part[0] == '-' && i < 2;
    if (neg) part.erase(0, 1);
    long long v = 0;
    if (part == "0" && i < 2) v = 0;
    else if (!parse_positive(part, 1 << 20, v)) return false;
    *parts[i] = static_cast<int>(neg ? -v : v);
    at = comma + 1;
  }
  return true;
}

std::string parse_args(Context& ctx, CompressArgs& a) {
  const auto& args = ctx.args;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& k = args[i];
    if (k == "--json") {
      ctx.json = true;
    } else if (k == "--blur") {
      a.blur = true;
    } else if (k == "--max-edge" || k == "--max-bytes" || k == "--quality" || k == "--redact") {
      if (i + 1 >= args.size()) return format(ctx.lang, "cli.missing_value", {{"option", k}});
      const std::string& v = args[++i];
      long long n = 0;
      if (k == "--redact") {
        media::Rect r;
        if (!parse_rect(v, r)) return format(ctx.lang, "media.bad_redaction", {{"rect", v}});
        a.options.redactions.push_back({r, media::RedactStyle::pixelate});
      } else if (!parse_positive(v, k == "--quality" ? 100 : k == "--max-edge" ? 16384 : (1LL << 31), n)) {
        return format(ctx.lang, "cli.compress.bad_number", {{"option", k}, {"value", v}});
      } else if (k == "--max-edge") {
        a.options.max_edge = static_cast<int>(n);
      } else if (k == "--max-bytes") {
        a.options.max_bytes = static_cast<size_t>(n);
      } else {
        a.options.quality = static_cast<int>(n);
      }
    } else if (k.rfind("--", 0) == 0) {
      return format(ctx.lang, "cli.unknown_option", {{"option", k}});
    } else if (a.in.empty()) {
      a.in = k;
    } else if (a.out.empty()) {
      a.out = k;
    } else {
      return format(ctx.lang, "cli.unexpected_argument", {{"argument", k}});
    }
  }
  if (a.in.empty()) return format(ctx.lang, "cli.missing_argument", {{"argument", "IN"}});
  if (a.out.empty()) return format(ctx.lang, "cli.missing_argument", {{"argument", "OUT"}});
  if (a.blur)
    for (auto& r : a.options.redactions) r.style = media::RedactStyle::blur;
  return {};
}

Result<std::vector<uint8_t>> read_all(const std::string& path, size_t limit) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return make_error("cli.compress.read_failed", path + ": " + std::strerror(errno), {{"path", path}});
  std::vector<uint8_t> bytes;
  char buf[1 << 16];
  while (f.read(buf, sizeof buf) || f.gcount() > 0) {
    bytes.insert(bytes.end(), buf, buf + f.gcount());
    if (bytes.size() > limit)
      return make_error("media.too_big_file", path, {{"bytes", std::to_string(bytes.size()) + "+"}, {"limit", std::to_string(limit)}});
  }
  if (f.bad()) return make_error("cli.compress.read_failed", path, {{"path", path}});
  return bytes;
}

bool write_atomically(const std::string& path, const std::vector<uint8_t>& bytes) {
  const std::string tmp = path + ".part";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  if (std::fclose(f) != 0 || !ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace

int cmd_compress(Context& ctx) {
  CompressArgs a;
  if (std::string problem = parse_args(ctx, a); !problem.empty()) {
    std::fprintf(stderr, "civic: %s\n%s\n", problem.c_str(), std::string(tr(ctx.lang, "cli.compress.usage")).c_str());
    return kExitUsage;
  }
  auto input = read_all(a.in, a.options.limits.max_file_bytes);
  if (!input) return fail(ctx, input.error());
  auto c = media::compress(input.value(), a.options);
  if (!c) return fail(ctx, c.error());
  if (!write_atomically(a.out, c->jpeg))
    return fail(ctx, make_error("cli.compress.write_failed", a.out, {{"path", a.out}}));
  if (ctx.json) {
    nlohmann::json j;
    j["width"] = c->width;
    j["height"] = c->height;
    j["bytes"] = c->jpeg.size();
    j["quality"] = c->quality;
    j["passthrough"] = c->passthrough;
    j["orientation"] = c->orientation;
    j["gps"] = c->gps ? nlohmann::json{{"lat", c->gps->lat}, {"lon", c->gps->lon}} : nlohmann::json(nullptr);
    j["hash"] = "blake2b-256:" + c->hash_hex;
    j["source"] = {{"format", std::string(media::format_name(c->source_format))},
                   {"width", c->source_width}, {"height", c->source_height}, {"bytes", input->size()}};
    j["encode_attempts"] = c->encode_attempts;
    const auto& ms = c->ms;
    j["ms"] = {{"probe", ms.probe}, {"decode", ms.decode}, {"resize", ms.resize}, {"orient", ms.orient},
               {"redact", ms.redact}, {"encode", ms.encode}, {"hash", ms.hash}, {"total", ms.total}};
    out(j.dump());
  } else {
    out(format(ctx.lang, "cli.compress.done",
               {{"path", a.out}, {"width", std::to_string(c->width)}, {"height", std::to_string(c->height)},
                {"bytes", std::to_string(c->jpeg.size())}, {"quality", std::to_string(c->quality)}}));
    if (c->gps) {
      char lat[32], lon[32];
      std::snprintf(lat, sizeof lat, "%.6f", c->gps->lat);
      std::snprintf(lon, sizeof lon, "%.6f", c->gps->lon);
      out(format(ctx.lang, "media.gps_found", {{"lat", lat}, {"lon", lon}}));
    }
  }
  return kExitOk;
}

}  // namespace civic::cli
