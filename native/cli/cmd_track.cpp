// native/cli/cmd_track.cpp — `civic track [ID...] [--follow]`: ticket timelines.
// Without ids: the tickets this machine filed (DATA_DIR/tickets). Prints each
// timeline (stage, SLA state and deadline, every event); with --follow keeps
// running and prints each new event as it arrives, over the Civic event
// stream when the server has one, else by polling GET /requests.json — the
// policy (reconnects, Last-Event-ID, backoff, gaps) is core/tracking's
// Follower; this file only runs its actions with libcurl's multi interface.
// With --json: one JSON object per ticket, or per new event when following.
#include <curl/curl.h>

#include <strings.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <deque>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/api/json_read.hpp"
#include "core/api/parse.hpp"
#include "core/tracking/event_json.hpp"
#include "core/tracking/follow.hpp"
#include "core/tracking/iso_time.hpp"
#include "core/tracking/poll_observe.hpp"
#include "native/cli/cli.hpp"
#include "native/common/outbox_store.hpp"

namespace civic::cli {

namespace {

using namespace civic::tracking;

std::atomic<bool> g_stop{false};

std::int64_t now_s() { return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count(); }

std::string event_text(const Context& ctx, const TicketEvent& e) {
  std::string text;
  if (auto stage = stage_after(e.kind))
    text = format(ctx.lang, stage_message_id(*stage), {{"department", e.department}});
  else
    text = std::string(tr(ctx.lang, e.kind == EventKind::note ? "tracking.kind.note" : "tracking.kind.sla"));
  if (e.kind == EventKind::rated && e.rating > 0)
    text += " · " + format(ctx.lang, "tracking.rating", {{"rating", std::to_string(e.rating)}});
  if (e.kind == EventKind::sla && e.sla_deadline) text += " · " + format_iso8601_utc(*e.sla_deadline);
  if (!e.note.empty()) text += " · " + e.note;
  return "  " + format_iso8601_utc(e.at) + "  " + text;
}

void print_timeline(const Context& ctx, const Timeline& t) {
  SlaStatus sla = sla_status(t, now_s());
  if (ctx.json) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : t.events) events.push_back(nlohmann::json::parse(ticket_event_json(e), nullptr, false));
    out(nlohmann::json{{"service_request_id", t.ticket},
                       {"stage", t.events.empty() ? "" : std::string(stage_message_id(t.stage)).substr(15)},
                       {"department", t.department},
                       {"sla", std::string(sla_message_id(sla.state)).substr(13)},
                       {"sla_deadline", t.sla_deadline ? format_iso8601_utc(*t.sla_deadline) : ""},
                       {"events", events}}
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  std::string head = t.ticket + "  ";
  head += t.events.empty() ? std::string(tr(ctx.lang, "tracking.no_events"))
                           : format(ctx.lang, stage_message_id(t.stage), {{"department", t.department}});
  head += " · " + std::string(tr(ctx.lang, sla_message_id(sla.state)));
  if (t.sla_deadline) head += " · " + format(ctx.lang, "tracking.deadline", {{"deadline", format_iso8601_utc(*t.sla_deadline)}});
  out(head);
  for (const auto& e : t.events) out(event_text(ctx, e));
}

// --- a tiny libcurl multi runner for FollowActions --------------------------

struct Transfer {
  FollowAction action;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string body;
  api::Params reply_headers;
  bool reported_open = false;
};

class Runner {
 public:
  Runner(const Context& ctx, Follower& f) : ctx_(ctx), f_(f), multi_(curl_multi_init()) {}
  ~Runner() {
    for (auto& [easy, t] : transfers_) finish(t.get(), false);
    curl_multi_cleanup(multi_);
  }

  void run(FollowStep first) {
    handle(std::move(first));
    while (!g_stop) {
      int running = 0;
      curl_multi_perform(multi_, &running);
      int left = 0;
      while (CURLMsg* m = curl_multi_info_read(multi_, &left)) {
        if (m->msg != CURLMSG_DONE) continue;
        auto it = transfers_.find(m->easy_handle);
        if (it == transfers_.end()) continue;
        done(it->second.get(), m->data.result);
      }
      process();
      auto now = std::chrono::steady_clock::now();
      if (timer_ && now >= *timer_) {
        timer_.reset();
        queue_.push_back(on_timer(f_));
        process();
        continue;
      }
      int timeout = 1000;
      if (timer_)
        timeout = static_cast<int>(std::clamp<long long>(
            std::chrono::duration_cast<std::chrono::milliseconds>(*timer_ - now).count(), 0, 1000));
      curl_multi_poll(multi_, nullptr, 0, timeout, nullptr);
    }
  }

 private:
  static std::size_t on_write(char* p, std::size_t size, std::size_t n, void* user) {
    auto* self = static_cast<std::pair<Runner*, Transfer*>*>(user);
    return self->first->write(self->second, std::string_view(p, size * n));
  }
  static std::size_t on_header(char* p, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::string line(p, size * n);
    if (line.rfind("HTTP/", 0) == 0) t->reply_headers.clear();
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string v = line.substr(colon + 1);
      while (!v.empty() && (v.front() == ' ')) v.erase(0, 1);
      while (!v.empty() && (v.back() == '\r' || v.back() == '\n')) v.pop_back();
      t->reply_headers.emplace_back(line.substr(0, colon), v);
    }
    return size * n;
  }

  std::size_t write(Transfer* t, std::string_view bytes) {
    if (t->action.kind != FollowAction::Kind::open_stream) {
      if (t->body.size() + bytes.size() > api::kMaxResponseBytes) return 0;
      t->body.append(bytes);
      return bytes.size();
    }
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    if (!t->reported_open) {
      t->reported_open = true;
      queue_.push_back(on_stream_opened(f_, static_cast<int>(status)));
    }
    if (status != 200) return bytes.size();  // an error body: not events
    queue_.push_back(on_stream_bytes(f_, bytes));
    return bytes.size();
  }

  void start(const FollowAction& a) {
    auto t = std::make_unique<Transfer>();
    t->action = a;
    t->easy = curl_easy_init();
    for (const auto& [k, v] : a.headers) t->headers = curl_slist_append(t->headers, (k + ": " + v).c_str());
    t->headers = curl_slist_append(t->headers, ("Accept-Language: " + std::string(lang_tag(ctx_.lang))).c_str());
    auto* cookie = new std::pair<Runner*, Transfer*>(this, t.get());
    cookies_[t.get()].reset(cookie);
    curl_easy_setopt(t->easy, CURLOPT_URL, a.url.c_str());
    curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, cookie);
    curl_easy_setopt(t->easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(t->easy, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(t->easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(t->easy, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(t->easy, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
    if (a.kind == FollowAction::Kind::open_stream) {
      // A stream may be idle for long; heartbeats arrive every 15 s.
      curl_easy_setopt(t->easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
      curl_easy_setopt(t->easy, CURLOPT_LOW_SPEED_TIME, 45L);
    } else {
      curl_easy_setopt(t->easy, CURLOPT_TIMEOUT_MS, 30000L);
    }
    curl_multi_add_handle(multi_, t->easy);
    transfers_[t->easy] = std::move(t);
  }

  void finish(Transfer* t, bool erase = true) {
    curl_multi_remove_handle(multi_, t->easy);
    curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->headers);
    cookies_.erase(t);
    if (erase) transfers_.erase(t->easy);
  }

  void done(Transfer* t, CURLcode rc) {
    long status = 0;
    if (rc == CURLE_OK) curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    if (t->action.kind == FollowAction::Kind::open_stream) {
      if (!t->reported_open) queue_.push_back(on_stream_opened(f_, static_cast<int>(status)));
      if (status == 200) queue_.push_back(on_stream_closed(f_));
      stream_ = nullptr;
    } else {
      std::string retry_after;
      for (const auto& [k, v] : t->reply_headers)
        if (k.size() == 11 && strncasecmp(k.c_str(), "retry-after", 11) == 0) retry_after = v;
      queue_.push_back(on_get_done(f_, t->action, static_cast<int>(status), t->body, retry_after, now_s()));
    }
    finish(t);
  }

  void handle(FollowStep step) { queue_.push_back(std::move(step)); process(); }

  void process() {
    while (!queue_.empty()) {
      FollowStep step = std::move(queue_.front());
      queue_.pop_front();
      for (const auto& id : step.changed) print_new(id);
      for (const auto& a : step.actions) {
        switch (a.kind) {
          case FollowAction::Kind::open_stream:
            start(a);
            for (auto& [easy, t] : transfers_)
              if (t->action.kind == FollowAction::Kind::open_stream) stream_ = t.get();
            if (!announced_) {
              announced_ = true;
              if (!ctx_.json) std::fprintf(stderr, "%s\n", std::string(tr(ctx_.lang, "tracking.live")).c_str());
            }
            break;
          case FollowAction::Kind::close_stream:
            if (stream_) finish(stream_);
            stream_ = nullptr;
            break;
          case FollowAction::Kind::get: start(a); break;
          case FollowAction::Kind::wait:
            timer_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(a.delay_ms);
            break;
        }
      }
    }
  }

  void print_new(const std::string& id) {
    const Timeline& t = f_.timelines[id];
    std::size_t& shown = shown_[id];
    for (; shown < t.events.size(); ++shown) {
      const TicketEvent& e = t.events[shown];
      if (ctx_.json) out(ticket_event_json(e));
      else out(id + event_text(ctx_, e));
    }
    std::fflush(stdout);
  }

  const Context& ctx_;
  Follower& f_;
  CURLM* multi_;
  std::map<CURL*, std::unique_ptr<Transfer>> transfers_;
  std::map<Transfer*, std::unique_ptr<std::pair<Runner*, Transfer*>>> cookies_;
  Transfer* stream_ = nullptr;
  std::deque<FollowStep> queue_;
  std::optional<std::chrono::steady_clock::time_point> timer_;
  std::map<std::string, std::size_t> shown_;
  bool announced_ = false;
};

// One-shot: each ticket's timeline, from the Civic timeline endpoint when
// the server has it, else from a GeoReport snapshot.
int show(Context& ctx, const std::vector<std::string>& ids) {
  std::map<std::string, Timeline> timelines;
  std::vector<std::string> fallback;
  for (const auto& id : ids) {
    Timeline& t = timelines[id];
    t.ticket = id;
    auto body = get(ctx, events_url(ctx.server, id));
    auto events = body ? parse_ticket_events(*body) : Result<std::vector<TicketEvent>>(body.error());
    if (!events) {
      fallback.push_back(id);
      continue;
    }
    apply_events(t, std::move(events).value());
  }
  if (!fallback.empty()) {
    auto body = get(ctx, api::requests_url(ctx.server, fallback, ctx.lang));
    if (!body) return fail(ctx, body.error());
    auto requests = api::parse_requests(*body);
    if (!requests) return fail(ctx, requests.error());
    for (const auto& r : *requests)
      if (auto it = timelines.find(r.id); it != timelines.end() && it->second.events.empty())
        observe_request(it->second, r, now_s());
  }
  int missing = 0;
  for (const auto& id : ids) {
    const Timeline& t = timelines[id];
    if (t.events.empty()) {
      ++missing;
      std::fprintf(stderr, "civic: %s\n", format(ctx.lang, "api.not_found", {{"what", id}}).c_str());
      continue;
    }
    print_timeline(ctx, t);
  }
  return missing ? kExitFailure : kExitOk;
}

}  // namespace

int cmd_track(Context& ctx) {
  bool follow = false;
  std::vector<std::string> ids;
  for (const auto& a : ctx.args) {
    if (a == "--follow") follow = true;
    else if (a.rfind("--", 0) == 0) return usage_error(ctx, format(ctx.lang, "cli.unknown_option", {{"option", a}}));
    else ids.push_back(a);
  }
  if (ids.empty()) ids = native::OutboxStore(ctx.data_dir).remembered_tickets();
  if (ids.empty()) return usage_error(ctx, format(ctx.lang, "cli.missing_argument", {{"argument", "ID"}}));
  if (!follow) return show(ctx, ids);

  curl_global_init(CURL_GLOBAL_DEFAULT);
  std::signal(SIGINT, [](int) { g_stop = true; });
  std::signal(SIGTERM, [](int) { g_stop = true; });
  FollowConfig cfg;
  cfg.base = ctx.server;
  cfg.stream = true;  // a server without the stream answers 404: the follower falls back to polling
  cfg.lang = ctx.lang;
  Follower f = make_follower(cfg, ids, random_u64);
  Runner runner(ctx, f);
  runner.run(follow_start(f));
  return kExitOk;
}

}  // namespace civic::cli
