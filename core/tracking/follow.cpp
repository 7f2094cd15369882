// core/tracking/follow.cpp — the stream/poll policy; see follow.hpp.
#include "core/tracking/follow.hpp"

#include <algorithm>

#include "core/api/parse.hpp"
#include "core/tracking/event_json.hpp"
#include "core/tracking/iso_time.hpp"
#include "core/tracking/poll_observe.hpp"

namespace civic::tracking {

namespace {

FollowAction wait_for(std::uint32_t ms) {
  FollowAction a;
  a.kind = FollowAction::Kind::wait;
  a.delay_ms = ms;
  return a;
}

FollowAction refetch(const Follower& f, const std::string& ticket) {
  FollowAction a;
  a.kind = FollowAction::Kind::get;
  a.purpose = FollowPurpose::refetch;
  a.ticket = ticket;
  a.url = events_url(f.cfg.base, ticket);
  a.headers = {{"Accept", "application/json"}};
  return a;
}

void note_changed(FollowStep& step, const std::string& ticket) {
  if (std::find(step.changed.begin(), step.changed.end(), ticket) == step.changed.end())
    step.changed.push_back(ticket);
}

FollowStep open_stream(Follower& f) {
  FollowStep step;
  f.link = Follower::Link::connecting;
  f.parser.reconnect();
  FollowAction a;
  a.kind = FollowAction::Kind::open_stream;
  a.purpose = FollowPurpose::stream;
  a.url = stream_url(f.cfg.stream_url.empty() ? f.cfg.base : f.cfg.stream_url, f.tickets);
  a.headers = {{"Accept", "text/event-stream"}, {"Cache-Control", "no-cache"}};
  if (!f.parser.last_event_id().empty()) a.headers.emplace_back("Last-Event-ID", f.parser.last_event_id());
  step.actions.push_back(std::move(a));
  // Holes left by a failed refetch are fetched again with every reconnect.
  for (const auto& [id, t] : f.timelines)
    if (!t.held.empty() && f.refetching.insert(id).second) step.actions.push_back(refetch(f, id));
  return step;
}

FollowStep poll_round(Follower& f) {
  FollowStep step;
  f.link = Follower::Link::polling;
  f.poll_changed = f.poll_failed = false;
  f.retry_after_ms = 0;
  f.polls_outstanding = 0;
  const std::size_t batch = std::max<std::size_t>(f.cfg.batch, 1);
  for (std::size_t i = 0; i < f.tickets.size(); i += batch) {
    std::vector<std::string> ids(f.tickets.begin() + static_cast<std::ptrdiff_t>(i),
                                 f.tickets.begin() + static_cast<std::ptrdiff_t>(std::min(i + batch, f.tickets.size())));
    FollowAction a;
    a.kind = FollowAction::Kind::get;
    a.purpose = FollowPurpose::poll;
    a.url = api::requests_url(f.cfg.base, ids, f.cfg.lang);
    a.headers = {{"Accept", "application/json"}};
    step.actions.push_back(std::move(a));
    ++f.polls_outstanding;
  }
  if (f.polls_outstanding == 0) {  // nothing to follow: look again much later
    f.link = Follower::Link::waiting;
    step.actions.push_back(wait_for(std::max(f.cfg.idle_cap_ms, f.cfg.failure.floor_ms)));
  }
  return step;
}

FollowStep fail_and_wait(Follower& f, std::uint32_t at_least_ms) {
  ++f.failures;
  std::uint32_t d = backoff_delay_ms(f.cfg.failure, f.failures, f.random ? f.random() : 0);
  FollowStep step;
  f.link = Follower::Link::waiting;
  step.actions.push_back(wait_for(std::max(d, at_least_ms)));
  return step;
}

bool retryable(int status) { return status == 0 || status == 408 || status == 429 || status >= 500; }

}  // namespace

bool operator==(const FollowAction& a, const FollowAction& b) {
  return a.kind == b.kind && a.purpose == b.purpose && a.url == b.url && a.headers == b.headers &&
         a.ticket == b.ticket && a.delay_ms == b.delay_ms;
}

std::string stream_url(std::string_view base_or_stream, const std::vector<std::string>& tickets) {
  std::string joined;
  for (const auto& id : tickets) {
    if (!joined.empty()) joined += ',';
    joined += id;
  }
  std::string query = "service_request_id=" + api::percent_encode(joined);
  std::string_view u = base_or_stream;
  if (u.empty() || u.back() == '/') return api::endpoint_url(u, "civic/events", {{"service_request_id", joined}});
  return std::string(u) + (u.find('?') == std::string_view::npos ? "?" : "&") + query;
}

std::string events_url(std::string_view base, std::string_view ticket) {
  return api::endpoint_url(base, "civic/requests/" + api::percent_encode(ticket) + "/events.json", {{"after", "0"}});
}

std::optional<std::uint32_t> parse_retry_after(std::string_view v, std::int64_t now) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  if (v.empty()) return std::nullopt;
  constexpr std::uint64_t kCapMs = 3600u * 1000u;
  if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::uint64_t s = 0;
    for (char c : v) {
      s = s * 10 + static_cast<std::uint64_t>(c - '0');
      if (s * 1000 > kCapMs) return static_cast<std::uint32_t>(kCapMs);
    }
    return static_cast<std::uint32_t>(s * 1000);
  }
  auto at = parse_http_date(v);
  if (!at) return std::nullopt;
  if (*at <= now) return 0u;
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(*at - now) * 1000, kCapMs));
}

Follower make_follower(FollowConfig cfg, std::vector<std::string> tickets, RandomSource random) {
  Follower f;
  f.cfg = std::move(cfg);
  f.random = std::move(random);
  for (auto& id : tickets) {
    if (id.empty() || f.timelines.count(id)) continue;
    f.timelines[id].ticket = id;
    f.tickets.push_back(std::move(id));
  }
  return f;
}

FollowStep follow_start(Follower& f) { return f.cfg.stream ? open_stream(f) : poll_round(f); }

FollowStep on_stream_opened(Follower& f, int status) {
  if (f.link != Follower::Link::connecting) return {};
  if (status >= 200 && status < 300) {
    f.link = Follower::Link::open;
    return {};
  }
  if (!retryable(status)) {  // no stream here after all: GeoReport polling works everywhere
    f.cfg.stream = false;
    f.failures = 0;
    return poll_round(f);
  }
  return fail_and_wait(f, f.parser.retry_ms().value_or(0));
}

FollowStep on_stream_bytes(Follower& f, std::string_view bytes) {
  FollowStep step;
  if (f.link != Follower::Link::open) return step;
  std::vector<SseEvent> events;
  const std::uint64_t comments = f.parser.comments();
  const bool ok = f.parser.feed(bytes, events);
  if (!events.empty() || f.parser.comments() > comments) f.failures = 0;  // the link works
  for (const SseEvent& se : events) {
    if (se.type != "ticket") continue;
    auto e = parse_ticket_event(se.data);
    if (!e) continue;  // a malformed event is skipped; its seq gap triggers a refetch
    auto it = f.timelines.find(e.value().ticket);
    if (it == f.timelines.end()) continue;
    const std::string ticket = it->first;
    switch (apply_event(it->second, std::move(e).value())) {
      case Applied::applied: note_changed(step, ticket); break;
      case Applied::gap:
        if (f.refetching.insert(ticket).second) step.actions.push_back(refetch(f, ticket));
        break;
      default: break;
    }
  }
  if (!ok) {
    FollowAction close;
    close.kind = FollowAction::Kind::close_stream;
    close.purpose = FollowPurpose::stream;
    step.actions.push_back(close);
    auto wait = fail_and_wait(f, f.parser.retry_ms().value_or(0));
    step.actions.insert(step.actions.end(), wait.actions.begin(), wait.actions.end());
  }
  return step;
}

FollowStep on_stream_closed(Follower& f) {
  if (f.link != Follower::Link::open && f.link != Follower::Link::connecting) return {};
  return fail_and_wait(f, f.parser.retry_ms().value_or(0));
}

FollowStep on_get_done(Follower& f, const FollowAction& action, int status, std::string_view body,
                       std::string_view retry_after, std::int64_t now) {
  FollowStep step;
  const bool ok = status >= 200 && status < 300;
  if (action.purpose == FollowPurpose::refetch) {
    f.refetching.erase(action.ticket);
    auto it = f.timelines.find(action.ticket);
    if (!ok || it == f.timelines.end()) return step;
    auto events = parse_ticket_events(body);
    if (!events) return step;
    std::vector<TicketEvent> mine;
    for (auto& e : events.value())
      if (e.ticket == action.ticket) mine.push_back(std::move(e));
    if (apply_events(it->second, std::move(mine)) != Applied::duplicate) {
      // applied, or a gap that shrank; either way there may be something new to show
      note_changed(step, action.ticket);
    }
    return step;
  }
  if (action.purpose != FollowPurpose::poll || f.link != Follower::Link::polling || f.polls_outstanding == 0)
    return step;
  --f.polls_outstanding;
  if (ok) {
    auto requests = api::parse_requests(body);
    if (requests) {
      for (const auto& r : requests.value()) {
        auto it = f.timelines.find(r.id);  // the server may ignore the id filter
        if (it == f.timelines.end()) continue;
        if (observe_request(it->second, r, now)) {
          note_changed(step, r.id);
          f.poll_changed = true;
        }
      }
    } else {
      f.poll_failed = true;
    }
  } else {
    f.poll_failed = true;
    if (auto ms = parse_retry_after(retry_after, now)) f.retry_after_ms = std::max(f.retry_after_ms, *ms);
  }
  if (f.polls_outstanding > 0) return step;
  FollowStep next;
  if (f.poll_failed) {
    next = fail_and_wait(f, f.retry_after_ms);
  } else {
    f.failures = 0;
    f.quiet_polls = f.poll_changed ? 0 : std::min<std::uint32_t>(f.quiet_polls + 1, 32);
    BackoffPolicy quiet{f.cfg.poll_ms, f.cfg.idle_cap_ms, f.cfg.failure.floor_ms};
    f.link = Follower::Link::waiting;
    next.actions.push_back(wait_for(backoff_delay_ms(quiet, f.quiet_polls + 1, f.random ? f.random() : 0)));
  }
  step.actions.insert(step.actions.end(), next.actions.begin(), next.actions.end());
  return step;
}

FollowStep on_timer(Follower& f) {
  if (f.link != Follower::Link::waiting) return {};
  return f.cfg.stream ? open_stream(f) : poll_round(f);
}

}  // namespace civic::tracking
