// core/app/live_flow.cpp — see live_flow.hpp.
#include "core/app/live_flow.hpp"

#include <algorithm>

#include "core/app/outbox_flow.hpp"
#include "core/i18n/messages.hpp"
#include "core/outbox/delivery.hpp"

namespace civic::app {

namespace {

using tracking::FollowAction;

// "Concern 2026-000123 is now in progress": what the live region says.
std::string announce_stage(const State& s, const std::string& id, const tracking::Timeline& t) {
  return format(s.lang, std::string(tracking::announce_message_id(t.stage)),
                {{"id", id}, {"department", t.department}});
}

void carry(State& s, const tracking::FollowStep& step, std::vector<Effect>& fx) {
  Live& l = s.live;
  for (const auto& a : step.actions) {
    switch (a.kind) {
      case FollowAction::Kind::open_stream:
        l.stream_id = l.next_stream_id++;
        fx.push_back(StreamOpen{l.stream_id, a.url, a.headers});
        break;
      case FollowAction::Kind::close_stream:
        if (l.stream_id) fx.push_back(StreamClose{l.stream_id});
        l.stream_id = 0;
        break;
      case FollowAction::Kind::get: {
        HttpRequest r;
        r.request_id = s.next_request_id++;
        r.url = a.url;
        r.headers = a.headers;
        s.pending[r.request_id] = Pending{Purpose::follow, s.lang, a.ticket};
        l.gets[r.request_id] = a;
        fx.push_back(std::move(r));
        break;
      }
      case FollowAction::Kind::wait:
        l.timer_at_ms = s.now_ms + static_cast<std::int64_t>(a.delay_ms);
        request_wake(s, l.timer_at_ms, fx);
        break;
    }
  }
  if (!l.follower) return;
  for (const auto& id : step.changed) {
    auto tl = l.follower->timelines.find(id);
    if (tl == l.follower->timelines.end()) continue;
    for (auto& t : s.tickets) {
      if (t.id != id) continue;
      bool moved = !t.timeline || t.timeline->stage != tl->second.stage;
      t.timeline = tl->second;
      if (moved && !tl->second.events.empty())
        s.announcement = announce_stage(s, id, tl->second);
    }
  }
}

}  // namespace

void live_sync(State& s, std::vector<Effect>& fx) {
  Live& l = s.live;
  std::vector<std::string> ids;
  for (const auto& t : s.tickets)
    if (!t.id.empty()) ids.push_back(t.id);
  std::sort(ids.begin(), ids.end());
  if (ids == l.ids || s.server_base.empty()) return;
  // A different set: one follower for all of them (one stream, one batch).
  if (l.stream_id) fx.push_back(StreamClose{l.stream_id});
  l.stream_id = 0;
  for (const auto& [rid, a] : l.gets) s.pending.erase(rid);
  l.gets.clear();
  l.timer_at_ms = 0;
  l.ids = ids;
  l.follower.reset();
  if (ids.empty()) return;
  tracking::FollowConfig cfg;
  cfg.base = s.server_base;
  cfg.stream = l.can_stream;
  cfg.lang = s.lang;
  l.follower = tracking::make_follower(cfg, ids, tracking::random_u64);
  carry(s, tracking::follow_start(*l.follower), fx);
}

std::vector<Effect> live_on_opened(State& s, const StreamOpened& e) {
  std::vector<Effect> fx;
  if (!s.live.follower || e.stream_id != s.live.stream_id) return fx;
  carry(s, tracking::on_stream_opened(*s.live.follower, e.status), fx);
  return fx;
}

std::vector<Effect> live_on_bytes(State& s, const StreamBytes& e) {
  std::vector<Effect> fx;
  if (!s.live.follower || e.stream_id != s.live.stream_id) return fx;
  carry(s, tracking::on_stream_bytes(*s.live.follower, e.bytes), fx);
  return fx;
}

std::vector<Effect> live_on_closed(State& s, const StreamClosed& e) {
  std::vector<Effect> fx;
  if (!s.live.follower || e.stream_id != s.live.stream_id) return fx;
  s.live.stream_id = 0;
  carry(s, tracking::on_stream_closed(*s.live.follower), fx);
  return fx;
}

std::vector<Effect> live_on_reply(State& s, const HttpDone& d) {
  std::vector<Effect> fx;
  auto it = s.live.gets.find(d.request_id);
  if (it == s.live.gets.end() || !s.live.follower) return fx;
  FollowAction a = it->second;
  s.live.gets.erase(it);
  carry(s,
        tracking::on_get_done(*s.live.follower, a, d.status, d.body, outbox::header_value(d.headers, "Retry-After"),
                              s.now_ms / 1000),
        fx);
  return fx;
}

void live_on_tick(State& s, std::vector<Effect>& fx) {
  Live& l = s.live;
  if (!l.follower || l.timer_at_ms == 0) return;
  if (s.now_ms < l.timer_at_ms) return request_wake(s, l.timer_at_ms, fx);
  l.timer_at_ms = 0;
  carry(s, tracking::on_timer(*l.follower), fx);
}

}  // namespace civic::app
