// native/kiosk/options.cpp — parsing civic-kiosk's flags.
#include "native/kiosk/options.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/api/url.hpp"
#include "core/i18n/messages.hpp"

namespace civic::kiosk {

namespace {

std::string default_data_dir() {
  auto env = [](const char* n) -> const char* {
    const char* v = std::getenv(n);
    return v && *v ? v : nullptr;
  };
  if (const char* v = env("CIVIC_DATA_DIR")) return v;
  if (const char* v = env("XDG_DATA_HOME")) return std::string(v) + "/civic-kiosk";
  if (const char* v = env("HOME")) return std::string(v) + "/.local/share/civic-kiosk";
  return ".civic-kiosk";
}

}  // namespace

std::optional<Options> parse_options(int argc, char** argv, std::string* error) {
  Options o;
  o.data_dir = default_data_dir();
  for (int k = 1; k + 1 < argc; ++k)
    if (std::strcmp(argv[k], "--lang") == 0) o.lang = parse_lang(argv[k + 1]);
  auto need = [&](int& i, const std::string& opt) -> const char* {
    if (i + 1 >= argc) {
      *error = format(o.lang, "cli.missing_value", {{"option", opt}});
      return nullptr;
    }
    return argv[++i];
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    const char* v = nullptr;
    if (a == "--windowed") o.windowed = true;
    else if (a == "--normal-text") o.large_text = false;
    else if (a == "--high-contrast") o.high_contrast = true;
    else if (a == "--control") o.control = true;
    else if (a == "--server" || a == "--lang" || a == "--size" || a == "--dpi" || a == "--font" || a == "--script" ||
             a == "--screenshot" || a == "--data-dir") {
      if (!(v = need(i, a))) return std::nullopt;
      if (a == "--server") o.server = v;
      else if (a == "--font") o.font = v;
      else if (a == "--script") o.script = v;
      else if (a == "--screenshot") o.screenshot = v;
      else if (a == "--data-dir") o.data_dir = v;
      else if (a == "--dpi") o.dpi = std::strtof(v, nullptr);
      else if (a == "--size") {
        if (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 200) {
          *error = format(o.lang, "kiosk.bad_size", {{"size", v}});
          return std::nullopt;
        }
      }
    } else {
      *error = format(o.lang, "cli.unknown_option", {{"option", a}});
      return std::nullopt;
    }
  }
  if (!api::is_http_url(o.server)) {
    *error = format(o.lang, "cli.bad_url", {{"url", o.server}});
    return std::nullopt;
  }
  return o;
}

}  // namespace civic::kiosk
