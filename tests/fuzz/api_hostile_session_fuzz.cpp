// tests/fuzz/api_hostile_session_fuzz.cpp — a hostile or broken server drives
// a whole client session: the app starts, and every request it makes is
// answered with fuzzer-chosen statuses and bodies (truncated JSON, wrong
// types, huge numbers, invalid UTF-8, error bodies with 200, ...), with
// retries and language switches in between. The client must never crash,
// hang or abort, and every error it shows must be explainable in words.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/app/update.hpp"
#include "core/i18n/messages.hpp"

using namespace civic;
using namespace civic::app;

namespace {
constexpr int kMaxSteps = 32;            // events per run: bounded, so no run can hang
constexpr int kStatuses[] = {0, 200, 201, 204, 301, 400, 401, 403, 404, 413, 429, 500, 502, 503};

void collect(std::vector<HttpRequest>& open, std::vector<Effect> effects) {
  for (auto& e : effects)
    if (auto* r = std::get_if<HttpRequest>(&e)) open.push_back(std::move(*r));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  State state;
  std::vector<HttpRequest> open;
  Started start;
  start.server_base = "http://127.0.0.1:1/open311/v2/";
  start.lang = in.ConsumeBool() ? Lang::en : Lang::zh_CN;
  collect(open, update(state, start));

  for (int step = 0; step < kMaxSteps && in.remaining_bytes() > 0; ++step) {
    const int action = in.ConsumeIntegralInRange(0, 9);
    if (action == 0) {
      collect(open, update(state, RetryPressed{}));
    } else if (action == 1) {
      collect(open, update(state, LanguageChosen{state.lang == Lang::en ? Lang::zh_CN : Lang::en}));
    } else if (!open.empty()) {
      // Answer one outstanding request (the server may answer out of order),
      // or a request id that was never asked for.
      const size_t which = in.ConsumeIntegralInRange<size_t>(0, open.size());
      HttpDone done;
      done.status = kStatuses[in.ConsumeIntegralInRange<size_t>(0, std::size(kStatuses) - 1)];
      done.body = in.ConsumeRandomLengthString(1 << 16);
      if (done.status == 0) done.error = "connection reset";
      if (which == open.size()) {
        done.request_id = 1000000 + step;
      } else {
        done.request_id = open[which].request_id;
        open.erase(open.begin() + static_cast<long>(which));
      }
      collect(open, update(state, done));
    }
    if (state.catalog.error) {
      const std::string words = explain(state.lang, *state.catalog.error);
      if (words.empty()) std::abort();
    }
    (void)service_groups(state.catalog);
  }
  return 0;
}
