// core/app/upload_flow.cpp — see upload_flow.hpp.
#include "core/app/upload_flow.hpp"

#include <algorithm>

#include "core/outbox/progress.hpp"

namespace civic::app {

int upload_shown_percent(OutboxSlot& slot) {
  const outbox::OutboxEntry& e = slot.entry;
  if (e.state == outbox::EntryState::delivered) return -1;
  outbox::UploadTally t = slot.request_id != 0 ? outbox::upload_tally(e, slot.action, slot.body_sent)
                                               : outbox::upload_tally(e);
  int now = outbox::upload_percent(t);
  if (now < 0) return -1;
  slot.percent_floor = std::max(slot.percent_floor, now);
  return slot.percent_floor;
}

void upload_after_reply(OutboxSlot& slot, std::uint64_t confirmed_before) {
  slot.body_sent = 0;
  const outbox::OutboxEntry& e = slot.entry;
  bool attempt_over = e.state == outbox::EntryState::failed_needs_input ||
                      (e.state == outbox::EntryState::queued && e.attempts > 0) ||
                      outbox::upload_tally(e).sent < confirmed_before;
  if (attempt_over) slot.percent_floor = -1;
}

bool upload_on_progress(State& s, const UploadProgress& e) {
  auto p = s.pending.find(e.request_id);
  if (p == s.pending.end() || p->second.purpose != Purpose::outbox) return false;
  auto it = s.outbox.find(p->second.key);
  if (it == s.outbox.end()) return false;
  OutboxSlot& slot = it->second;
  // A late report for a request already answered, or for a body that is not media.
  if (slot.request_id != e.request_id || slot.action.kind != outbox::OutboxAction::Kind::upload_chunk) return false;
  slot.body_sent = std::max(slot.body_sent, e.sent);
  if (slot.hidden) return false;
  for (auto& t : s.tickets) {
    if (t.local_ref != slot.entry.key) continue;
    int shown = t.queued ? upload_shown_percent(slot) : -1;
    if (shown == t.upload_percent) return false;
    t.upload_percent = shown;
    return true;
  }
  return false;
}

}  // namespace civic::app
