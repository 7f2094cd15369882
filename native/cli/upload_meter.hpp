// native/cli/upload_meter.hpp — "上传附件 43%（120/500 KB）" on stderr while
// `civic file` or `civic outbox flush` sends a concern's photos, redrawn in
// place; only when stderr is a terminal and the output is not --json (a
// script's log gets no carriage returns).
#pragma once
#include "native/cli/cli.hpp"
#include "native/common/outbox_deliver.hpp"

namespace civic::cli {

class UploadMeter {
 public:
  explicit UploadMeter(const Context& ctx);
  ~UploadMeter();   // ends the line it drew, if any
  UploadMeter(const UploadMeter&) = delete;
  UploadMeter& operator=(const UploadMeter&) = delete;
  // For deliver_entry: empty when nothing is to be shown.
  native::DeliverProgress callback();

 private:
  Lang lang_;
  bool on_ = false;
  bool drew_ = false;
  int shown_ = -1;
};

}  // namespace civic::cli
