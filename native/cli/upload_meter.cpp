// native/cli/upload_meter.cpp — see upload_meter.hpp.
#include "native/cli/upload_meter.hpp"

#include <unistd.h>

#include <cstdio>

#include "core/i18n/messages.hpp"
#include "core/text/byte_size.hpp"

namespace civic::cli {

UploadMeter::UploadMeter(const Context& ctx) : lang_(ctx.lang), on_(!ctx.json && isatty(STDERR_FILENO) == 1) {}

UploadMeter::~UploadMeter() {
  if (drew_) std::fputc('\n', stderr);
}

native::DeliverProgress UploadMeter::callback() {
  if (!on_) return {};
  return [this](const outbox::UploadTally& t) {
    int pct = outbox::upload_percent(t);
    if (pct < 0 || pct == shown_) return;
    shown_ = pct;
    drew_ = true;
    std::string line = format(lang_, "outbox.upload_progress_cli",
                              {{"percent", std::to_string(pct)},
                               {"sent", text::kilobytes(t.sent)},
                               {"total", text::kilobytes(t.total)}});
    std::fprintf(stderr, "\r%s\033[K", line.c_str());   // over the last one; erase what is left of it
    std::fflush(stderr);
  };
}

}  // namespace civic::cli
