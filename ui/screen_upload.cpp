// ui/screen_upload.cpp — the upload progress of a queued concern, shown on
// the receipt, the ticket screen and the "my concerns" list: the percent is
// of the bytes of all its attachments (core/app/upload_flow.hpp), so a
// resident on a slow network sees the concern moving, not just "sending".
#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace civic::ui::screens {

void upload_bar(const app::State& s, const app::Ticket& t, const std::string& id) {
  if (!t.queued || t.upload_percent < 0) return;
  w::progress(id, std::string(tr(s.lang, "outbox.upload_photos")),
              format(s.lang, "outbox.upload_progress", {{"percent", std::to_string(t.upload_percent)}}),
              t.upload_percent);
}

}  // namespace civic::ui::screens
