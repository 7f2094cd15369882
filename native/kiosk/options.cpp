// native/kiosk/options.cpp — parsing civic-kiosk's flags and config file.
#include "native/kiosk/options.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/api/url.hpp"
#include "core/forms/value.hpp"
#include "core/i18n/messages.hpp"

namespace civic::kiosk {

namespace {

constexpr size_t kMaxConfigBytes = 64u << 10;
constexpr size_t kMaxConfigLine = 4u << 10;

bool is_value_option(const std::string& a) {
  static const char* names[] = {"--server", "--lang", "--size", "--dpi", "--font", "--script", "--screenshot",
                                "--data-dir", "--idle-seconds", "--warn-seconds", "--hall-location",
                                "--hall-name", "--public-url", "--printer", "--config", "--photo-dir"};
  for (const char* n : names)
    if (a == n) return true;
  return false;
}

bool parse_seconds(const std::string& v, int* out) {
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n < 0 || n > 86400) return false;
  *out = static_cast<int>(n);
  return true;
}

bool parse_location(const std::string& v, app::HallLocation* hall) {
  double lat = 0, lon = 0;
  char tail = 0;
  if (std::sscanf(v.c_str(), "%lf,%lf%c", &lat, &lon, &tail) != 2) return false;
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return false;
  hall->lat = forms::format_coordinate(lat);
  hall->lon = forms::format_coordinate(lon);
  return true;
}

// One option with its value (nullptr for switches); "" when fine, else the error.
std::string apply(Options& o, const std::string& a, const char* v) {
  if (!v) {
    if (a == "--windowed") o.windowed = true;
    else if (a == "--normal-text") o.large_text = false;
    else if (a == "--high-contrast") o.high_contrast = true;
    else if (a == "--control") o.control = true;
    else if (a == "--no-vsync") o.vsync = false;
    else if (a == "--no-supervise") o.supervise = false;
    else return format(o.lang, "cli.unknown_option", {{"option", a}});
    return {};
  }
  std::string s = v;
  if (a == "--server") o.server = s;
  else if (a == "--lang") o.lang = parse_lang(s);
  else if (a == "--font") o.font = s;
  else if (a == "--script") o.script = s;
  else if (a == "--screenshot") o.screenshot = s;
  else if (a == "--dpi") o.dpi = std::strtof(v, nullptr);
  else if (a == "--data-dir") o.data_dir = s;
  else if (a == "--hall-name") o.hall.name = s;
  else if (a == "--public-url") o.public_url = s;
  else if (a == "--printer") o.printer = s;
  else if (a == "--photo-dir") o.photo_dir = s;
  else if (a == "--idle-seconds" || a == "--warn-seconds") {
    if (!parse_seconds(s, a == "--idle-seconds" ? &o.idle_seconds : &o.warn_seconds))
      return format(o.lang, "kiosk.bad_seconds", {{"value", s}});
  } else if (a == "--hall-location") {
    if (!parse_location(s, &o.hall)) return format(o.lang, "kiosk.bad_location", {{"value", s}});
  } else if (a == "--size") {
    if (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 200)
      return format(o.lang, "kiosk.bad_size", {{"size", s}});
  } else {
    return format(o.lang, "cli.unknown_option", {{"option", a}});
  }
  return {};
}

std::string read_config(Options& o, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return format(o.lang, "kiosk.bad_config", {{"path", path}, {"line", "0"}, {"detail", std::strerror(errno)}});
  std::string text(kMaxConfigBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  return apply_config_text(o, text, path);
}

}  // namespace

std::string apply_config_text(Options& o, std::string_view text_in, const std::string& path) {
  auto bad = [&](size_t line, const std::string& detail) {
    return format(o.lang, "kiosk.bad_config", {{"path", path}, {"line", std::to_string(line)}, {"detail", detail}});
  };
  if (text_in.size() > kMaxConfigBytes) return bad(0, "larger than 64 KiB");
  std::istringstream lines{std::string(text_in)};
  std::string line;
  for (size_t n = 1; std::getline(lines, line); ++n) {
    if (line.size() > kMaxConfigLine) return bad(n, "line longer than 4 KiB");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    size_t e = line.find_first_of(" \t", b);
    std::string name = "--" + line.substr(b, e == std::string::npos ? std::string::npos : e - b);
    std::string value;
    if (e != std::string::npos) {
      size_t vb = line.find_first_not_of(" \t", e);
      if (vb != std::string::npos) value = line.substr(vb);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    }
    if (name == "--config" || name == "--control" || name == "--script") return bad(n, name.substr(2));
    std::string err = apply(o, name, is_value_option(name) ? value.c_str() : nullptr);
    if (!err.empty()) return bad(n, err);
  }
  return {};
}

std::optional<Options> parse_options(int argc, char** argv, std::string* error) {
  Options o;
  for (int k = 1; k + 1 < argc; ++k)
    if (std::strcmp(argv[k], "--lang") == 0) o.lang = parse_lang(argv[k + 1]);
  // The config file first, so the command line wins.
  for (int k = 1; k + 1 < argc; ++k)
    if (std::strcmp(argv[k], "--config") == 0) {
      Lang lang = o.lang;
      if (std::string err = read_config(o, argv[k + 1]); !err.empty()) {
        *error = err;
        return std::nullopt;
      }
      o.lang = lang;
    }
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    const char* v = nullptr;
    if (is_value_option(a)) {
      if (i + 1 >= argc) {
        *error = format(o.lang, "cli.missing_value", {{"option", a}});
        return std::nullopt;
      }
      v = argv[++i];
      if (a == "--config") continue;
    }
    if (std::string err = apply(o, a, v); !err.empty()) {
      *error = err;
      return std::nullopt;
    }
  }
  if (!api::is_http_url(o.server)) {
    *error = format(o.lang, "cli.bad_url", {{"url", o.server}});
    return std::nullopt;
  }
  if (!o.public_url.empty() && !api::is_http_url(o.public_url)) {
    *error = format(o.lang, "cli.bad_url", {{"url", o.public_url}});
    return std::nullopt;
  }
  if (o.data_dir.empty()) {
    auto env = [](const char* n) -> const char* {
      const char* v = std::getenv(n);
      return v && *v ? v : nullptr;
    };
    if (const char* v = env("CIVIC_DATA_DIR")) o.data_dir = v;
    else if (const char* v = env("XDG_DATA_HOME")) o.data_dir = std::string(v) + "/civic-kiosk";
    else if (const char* v = env("HOME")) o.data_dir = std::string(v) + "/.local/share/civic-kiosk";
    else o.data_dir = ".civic-kiosk";
  }
  if (o.hall.name.empty() && !o.hall.lat.empty()) o.hall.name = std::string(tr(o.lang, "kiosk.hall_location"));
  return o;
}

std::string ticket_page_url(const Options& o, const std::string& ticket_id) {
  std::string base = o.public_url;
  if (base.empty()) {
    // The server's origin serves the web app (civic-server does).
    size_t scheme = o.server.find("://");
    size_t slash = scheme == std::string::npos ? std::string::npos : o.server.find('/', scheme + 3);
    base = slash == std::string::npos ? o.server : o.server.substr(0, slash);
  }
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/#/ticket/" + api::percent_encode(ticket_id);
}

}  // namespace civic::kiosk
