// tests/fuzz/draft_store_fuzz.cpp — a stored draft (localStorage or the
// kiosk's sealed file, handed back to core at start; another build, a full
// disk or a curious user may have changed it): any bytes are either a draft
// within the limits of core/app/draft_store.hpp or refused, never a crash;
// an accepted draft goes into a started app and saves back as bytes that
// parse again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/app/draft_store.hpp"
#include "core/app/update.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace civic::app;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto d = parse_draft(bytes);
  if (!d) return 0;
  if (bytes.size() > kMaxDraftBytes || d->fields.size() > kMaxDraftFields || d->service_code.empty()) std::abort();
  for (const auto& f : d->fields)
    if (f.id.empty() || f.value.attachments.size() > kMaxDraftAttachments) std::abort();
  State s;
  Started st;
  st.server_base = "http://h/";
  update(s, st, 1);
  update(s, DraftLoaded{bytes}, 2);
  update(s, PageVisibility{true}, 3);
  std::string again = draft_bytes(s);
  if (!s.draft.service.code.empty() && !again.empty() && !parse_draft(again)) std::abort();
  return 0;
}
