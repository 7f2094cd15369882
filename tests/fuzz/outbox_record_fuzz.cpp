// tests/fuzz/outbox_record_fuzz.cpp — whatever a crash, a full disk or another
// program left in an outbox file: the reader refuses or accepts, never
// crashes; what it accepts serialises back to a record that reads the same.
// The checksum would stop the fuzzer at the door, so the JSON body is also
// fed sealed (a valid checksum around fuzzer bytes).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/outbox/delivery.hpp"
#include "core/outbox/outbox_entry.hpp"

using namespace civic::outbox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)deserialize_entry(bytes);
  auto e = deserialize_entry(seal_record(bytes));
  if (!e) return 0;
  auto again = deserialize_entry(serialize_entry(e.value()));
  if (!again || !(again.value() == e.value())) std::abort();
  OutboxEntry r = e.value();
  recover_after_restart(r);
  DeliveryConfig c;
  c.base = "http://127.0.0.1:1/";
  c.tus = true;
  OutboxAction a = next_action(r, c, 0);
  begin_action(r, a);
  Reply reply;
  reply.status = 204;
  reply.headers = {{"Upload-Offset", "3"}, {"Location", "/u"}};
  on_reply(r, a, reply, c, 0, 1);
  return 0;
}
