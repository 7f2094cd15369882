// tests/fuzz/kiosk_config_fuzz.cpp — the kiosk's config file (an operator's
// text, maybe damaged or hostile): any bytes are either applied as options
// or refused with a line number, never a crash, and whatever is accepted
// keeps the options within their documented ranges.
// native/kiosk/options.cpp uses only core and the standard library, so it is
// compiled into this target directly (the fuzz build links core only).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "native/kiosk/options.cpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  civic::kiosk::Options o;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string err = civic::kiosk::apply_config_text(o, text, "fuzz.conf");
  if (err.empty()) {
    if (o.idle_seconds < 0 || o.idle_seconds > 86400 || o.warn_seconds < 0 || o.warn_seconds > 86400) std::abort();
    if (!o.hall.lat.empty() && o.hall.lon.empty()) std::abort();
  }
  return 0;
}
