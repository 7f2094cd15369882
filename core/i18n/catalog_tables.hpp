// core/i18n/catalog_tables.hpp — the per-area message tables joined by
// messages.cpp. Add a table here when a new area gets its own file.
#pragma once
#include <span>
#include <vector>

#include "core/i18n/messages.hpp"

namespace civic {

std::span<const Message> catalog_common();    // catalog_common.cpp: app chrome, languages
std::span<const Message> catalog_api();       // catalog_api.cpp: server and network errors
std::span<const Message> catalog_cli();       // catalog_cli.cpp: the civic command line
std::span<const Message> catalog_media();     // catalog_media.cpp: photos, decoding, compression
std::span<const Message> catalog_ui();        // catalog_ui.cpp: the resident's screens
std::span<const Message> catalog_server();    // catalog_server.cpp: civic-server errors, notices, console
std::span<const Message> catalog_security();  // catalog_security.cpp: keys, sealed fields, receipts
std::span<const Message> catalog_forms();     // catalog_forms.cpp: the concern form, its verdicts
std::span<const Message> catalog_tracking();  // catalog_tracking.cpp: timelines, SLA, outbox
std::span<const Message> catalog_keyboard();  // catalog_keyboard.cpp: on-screen keyboard, pinyin input
std::span<const Message> catalog_kiosk();     // catalog_kiosk.cpp: hall sessions, receipts, kiosk flags
std::span<const Message> catalog_photo();     // catalog_photo.cpp: attaching photos, the photo editor
std::span<const Message> catalog_draft();     // catalog_draft.cpp: the kept draft
std::span<const Message> catalog_place();     // catalog_place.cpp: service search, location sources, nearby
std::span<const Message> catalog_voice();     // catalog_voice.cpp: voice memos
std::span<const Message> catalog_video();     // catalog_video.cpp: videos

inline std::vector<std::span<const Message>> catalog_tables() {
  return {catalog_common(), catalog_api(), catalog_cli(), catalog_media(), catalog_ui(), catalog_security(), catalog_forms(), catalog_tracking(), catalog_server(), catalog_keyboard(), catalog_kiosk(), catalog_photo(), catalog_draft(), catalog_place(), catalog_voice(), catalog_video()};
}

}  // namespace civic
