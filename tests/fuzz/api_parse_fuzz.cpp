// tests/fuzz/api_parse_fuzz.cpp — any bytes a server might send, through every
// GeoReport reply parser: no crash, no hang, no abort, whatever the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/api/parse.hpp"
#include "core/api/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)civic::api::parse_services(body);
  (void)civic::api::parse_service_definition(body);
  (void)civic::api::parse_requests(body);
  (void)civic::api::parse_submit(body);
  (void)civic::api::parse_discovery(body);
  (void)civic::api::error_from_reply(400, body);
  bool ok = false;
  (void)civic::api::form_decode(body, &ok);
  return 0;
}
