// ui/screen_receipt.cpp — after filing: the ticket number, the service, a QR
// code to follow the ticket on a phone, the signed-receipt check, and
// "Finish" on a kiosk (which ends the resident's session). A queued concern
// (no network yet) shows its local reference and "waiting for network" at
// once — the resident never wonders whether it was kept.
#include "ui/screen_receipt.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/i18n/messages.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace civic::ui {

namespace {
ReceiptView g_view;

void wipe_string(std::string& s) {
  // ui/ may not include libsodium; a volatile write the optimiser keeps.
  s.resize(s.capacity());
  volatile char* p = s.data();
  for (size_t i = 0; i < s.size(); ++i) p[i] = 0;
  s.clear();
  s.shrink_to_fit();
}

// The QR as squares on the draw list, with the 4-module quiet zone the
// standard asks for, as large as the column allows up to 60 % of its width.
void draw_qr(const ReceiptView& v) {
  if (v.qr_size <= 0 || v.qr.size() != static_cast<size_t>(v.qr_size) * v.qr_size) return;
  float avail = ImGui::GetContentRegionAvail().x;
  int total = v.qr_size + 8;
  float module = std::max(2.f, std::floor(avail * 0.6f / static_cast<float>(total)));
  float side = module * static_cast<float>(total);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - side) / 2);
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + side, p0.y + side), IM_COL32(255, 255, 255, 255));
  for (int y = 0; y < v.qr_size; ++y)
    for (int x = 0; x < v.qr_size; ++x)
      if (v.qr[static_cast<size_t>(y) * v.qr_size + x]) {
        ImVec2 a(p0.x + (x + 4) * module, p0.y + (y + 4) * module);
        dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
      }
  sem::add_for_last_item("receipt/qr", "img", v.url).value = v.url;
}

void check_line(const app::State& s, const ReceiptView& v) {
  if (!v.has_signature) {
    w::status("receipt/check", std::string(tr(s.lang, "kiosk.receipt_unsigned")));
  } else if (v.verified) {
    w::status("receipt/check", format(s.lang, v.first_key ? "kiosk.receipt_first_key" : "kiosk.receipt_verified",
                                      {{"key_id", v.key_id}}));
  } else if (v.problem) {
    w::alert("receipt/check", format(s.lang, "kiosk.receipt_problem", {{"problem", explain(s.lang, *v.problem)}}));
  }
}

}  // namespace

void set_receipt_view(ReceiptView v) {
  clear_receipt_view();
  g_view = std::move(v);
}

void clear_receipt_view() {
  wipe_string(g_view.ticket_key);
  wipe_string(g_view.url);
  std::fill(g_view.qr.begin(), g_view.qr.end(), 0);
  g_view = ReceiptView{};
}

const ReceiptView& receipt_view() { return g_view; }

namespace screens {

void receipt(const app::State& s, const Dispatch& d) {
  const app::Ticket* t = app::find_ticket(s, s.open_ticket);
  w::heading("heading", std::string(tr(s.lang, "ui.receipt_title")));
  if (!s.announcement.empty()) w::status("announcement", s.announcement);
  if (!t) return;
  std::string key = t->id.empty() ? t->local_ref : t->id;
  w::paragraph(t->service_name, true);
  w::paragraph(std::string(tr(s.lang, "ui.ticket_number")), true);
  // The local reference until the server gives the ticket number.
  w::heading(t->queued ? "ticket/local_ref" : "ticket/number", t->queued ? t->local_ref.substr(0, 8) : key,
             t->queued ? 1.2f : 1.8f);
  if (t->queued) {
    // What the outbox is doing with it: waiting for the network, uploading, sending.
    bool waiting = t->delivery == outbox::EntryState::queued;
    w::status("ticket/queued", std::string(tr(s.lang, waiting ? "ui.waiting_network"
                                                               : outbox::state_message_id(t->delivery))));
    upload_bar(s, *t, "ticket/upload");
    if (t->error) w::alert("ticket/error", explain(s.lang, *t->error));
    if (waiting && w::button("retry", std::string(tr(s.lang, "status.retry")))) d(app::RetryPressed{});
  }
  const ReceiptView& v = g_view;
  if (!t->queued && v.ticket_key == key) {
    if (v.qr_size > 0) {
      w::paragraph(std::string(tr(s.lang, "kiosk.scan_to_follow")), true);
      draw_qr(v);
    }
    check_line(s, v);
    if (v.output_error)
      w::alert("receipt/output", explain(s.lang, *v.output_error));
    else if (!v.printer.empty())
      w::status("receipt/output", format(s.lang, "kiosk.receipt_printed", {{"printer", v.printer}}));
    else if (v.saved)
      w::status("receipt/output", std::string(tr(s.lang, "kiosk.receipt_saved")));
  }
  bool kiosk = presentation().kiosk;
  if (w::button("follow", std::string(tr(s.lang, "ui.follow")), kiosk ? w::Kind::normal : w::Kind::primary))
    d(app::TicketOpened{key});
  if (w::button("done", std::string(tr(s.lang, "ui.done")))) d(app::HomePressed{});
  // A hall kiosk: Finish ends the session so the next resident starts clean.
  if (kiosk && w::button("finish", std::string(tr(s.lang, "kiosk.finish")), w::Kind::primary))
    d(app::SessionEnded{});
}

}  // namespace screens

}  // namespace civic::ui
