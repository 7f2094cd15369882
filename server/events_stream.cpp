// server/events_stream.cpp — see events_stream.hpp. Limits on what a client
// may send here: a request head of at most 8 KiB, only GET, at most 200
// ticket ids of at most 64 bytes each; at most 20,000 followers. Anything
// else is answered with a GeoReport error body and the socket is closed.
#include "server/events_stream.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <time.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/api/url.hpp"
#include "core/tracking/event_json.hpp"
#include "server/events.hpp"
#include "server/util.hpp"

namespace civic::server {

namespace {

constexpr std::size_t kMaxHead = 8192;
constexpr std::size_t kMaxIds = 200;
constexpr std::size_t kMaxIdBytes = 64;
constexpr std::size_t kMaxFollowers = 20000;
constexpr std::size_t kMaxUnsent = 1u << 20;
constexpr int kHeartbeatSeconds = 15;
constexpr const char* kPath = "/open311/v2/civic/events";

struct Conn {
  int fd = -1;
  std::string in;
  std::string out;
  bool streaming = false;
  bool closing = false;           // send what is queued, then close
  bool want_out = false;          // EPOLLOUT is armed
  Lang lang = Lang::zh_CN;
  std::vector<std::string> tickets;
  std::unordered_map<std::string, int64_t> sent_up_to;   // per ticket: highest event id written
};

class Stream {
 public:
  explicit Stream(Context& ctx) : ctx_(ctx) {}

  int start(const std::string& host, int port) {
    raise_fd_limit();
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0) return -1;
    int one = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1) addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(listen_fd_, 4096) != 0)
      return -1;
    socklen_t len = sizeof addr;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ep_ = epoll_create1(EPOLL_CLOEXEC);
    wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (ep_ < 0 || wake_ < 0) return -1;
    watch(listen_fd_, EPOLLIN, EPOLL_CTL_ADD);
    watch(wake_, EPOLLIN, EPOLL_CTL_ADD);
    std::thread([this] { loop(); }).detach();   // lives as long as the process
    return port_;
  }

  // Any thread, after a commit.
  void post(const std::vector<EventRow>& rows) {
    {
      std::lock_guard lock(mu_);
      for (const auto& r : rows) pending_.push_back(r);
    }
    uint64_t one = 1;
    (void)!write(wake_, &one, sizeof one);
  }

  int port() const { return port_; }

 private:
  static void raise_fd_limit() {
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
      rl.rlim_cur = rl.rlim_max;
      setrlimit(RLIMIT_NOFILE, &rl);
    }
  }

  void watch(int fd, uint32_t events, int op) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    epoll_ctl(ep_, op, fd, &ev);
  }

  void loop() {
    std::vector<epoll_event> events(1024);
    auto last_beat = std::chrono::steady_clock::now();
    for (;;) {
      int n = epoll_wait(ep_, events.data(), static_cast<int>(events.size()), 1000);
      for (int i = 0; i < n; ++i) {
        int fd = events[i].data.fd;
        if (fd == listen_fd_) accept_all();
        else if (fd == wake_) drain_posted();
        else on_socket(fd, events[i].events);
      }
      auto now = std::chrono::steady_clock::now();
      if (now - last_beat >= std::chrono::seconds(kHeartbeatSeconds)) {
        last_beat = now;
        std::vector<int> fds;
        for (auto& [fd, c] : conns_)
          if (c->streaming) fds.push_back(fd);
        for (int fd : fds) send(fd, ": ping\n\n");
      }
    }
  }

  void accept_all() {
    for (;;) {
      int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;
      if (conns_.size() >= kMaxFollowers) {
        close(fd);
        continue;
      }
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto c = std::make_unique<Conn>();
      c->fd = fd;
      conns_[fd] = std::move(c);
      watch(fd, EPOLLIN | EPOLLRDHUP, EPOLL_CTL_ADD);
    }
  }

  void on_socket(int fd, uint32_t ev) {
    auto it = conns_.find(fd);
    if (it == conns_.end()) return;
    Conn& c = *it->second;
    if (ev & (EPOLLERR | EPOLLHUP)) return drop(fd);
    if (ev & EPOLLOUT) {
      flush(c);
      if (conns_.find(fd) == conns_.end()) return;
    }
    if (ev & (EPOLLIN | EPOLLRDHUP)) {
      char buf[4096];
      for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r > 0) {
          if (!c.streaming) c.in.append(buf, static_cast<std::size_t>(r));
          if (c.in.size() > kMaxHead) return reject(c, 431, "request head too large");
          continue;
        }
        if (r == 0) return drop(fd);       // the follower went away
        if (errno == EAGAIN || errno == EWOULDBLOCK) break;
        if (errno == EINTR) continue;
        return drop(fd);
      }
      if (!c.streaming && !c.closing && c.in.find("\r\n\r\n") != std::string::npos) begin(c);
    }
  }

  static std::string lower(std::string s) {
    for (char& ch : s)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
  }

  void reject(Conn& c, int status, const char* why) {
    std::string body = R"([{"code":)" + std::to_string(status) + R"(,"description":")" + why + R"("}])";
    const char* reason = status == 404 ? "Not Found" : status == 405 ? "Method Not Allowed"
                       : status == 431 ? "Request Header Fields Too Large" : "Bad Request";
    c.closing = true;
    c.in.clear();
    send(c.fd, "HTTP/1.1 " + std::to_string(status) + " " + reason +
                   "\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n" + body);
  }

  void begin(Conn& c) {
    std::string head = c.in.substr(0, c.in.find("\r\n\r\n"));
    c.in.clear();
    std::size_t eol = head.find("\r\n");
    std::string line = head.substr(0, eol);
    std::map<std::string, std::string> headers;
    for (std::size_t p = eol; p != std::string::npos && p < head.size();) {
      std::size_t next = head.find("\r\n", p + 2);
      std::string h = head.substr(p + 2, next == std::string::npos ? std::string::npos : next - p - 2);
      std::size_t colon = h.find(':');
      if (colon != std::string::npos) {
        std::string v = h.substr(colon + 1);
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(0, 1);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
        headers[lower(h.substr(0, colon))] = v;
      }
      p = next;
    }
    std::size_t sp1 = line.find(' '), sp2 = line.rfind(' ');
    if (sp1 == std::string::npos || sp2 <= sp1) return reject(c, 400, "bad request line");
    std::string method = line.substr(0, sp1), target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    if (method != "GET") return reject(c, 405, "only GET");
    std::size_t q = target.find('?');
    if (target.substr(0, q) != kPath) return reject(c, 404, "not found");
    bool ok = true;
    api::Params query = api::form_decode(q == std::string::npos ? "" : target.substr(q + 1), &ok);
    std::string ids, locale;
    for (const auto& [k, v] : query) {
      if (k == "service_request_id") ids = v;
      if (k == "locale") locale = v;
    }
    std::unordered_set<std::string> seen;
    for (std::size_t p = 0; ok && p <= ids.size();) {
      std::size_t comma = ids.find(',', p);
      std::string id = ids.substr(p, comma == std::string::npos ? std::string::npos : comma - p);
      if (!id.empty() && id.size() <= kMaxIdBytes && seen.insert(id).second) c.tickets.push_back(id);
      if (id.size() > kMaxIdBytes) ok = false;
      if (comma == std::string::npos) break;
      p = comma + 1;
    }
    if (!ok || c.tickets.empty() || c.tickets.size() > kMaxIds)
      return reject(c, 400, "service_request_id: 1 to 200 ids");
    int64_t last_id = 0;
    const std::string& lei = headers["last-event-id"];
    if (!lei.empty() && lei.size() <= 18 && lei.find_first_not_of("0123456789") == std::string::npos)
      last_id = std::strtoll(lei.c_str(), nullptr, 10);
    c.lang = parse_lang(!locale.empty() ? locale : headers["accept-language"]);

    std::string resp =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n"
        "Connection: keep-alive\r\nX-Accel-Buffering: no\r\nX-Content-Type-Options: nosniff\r\n";
    // Same host, any port: the web app's origin is the main port's.
    const std::string& origin = headers["origin"];
    std::string host = headers["host"].substr(0, headers["host"].rfind(':'));
    if (!origin.empty() && !host.empty() && origin.find("://" + host + ":") != std::string::npos)
      resp += "Access-Control-Allow-Origin: " + origin + "\r\nVary: Origin\r\n";
    resp += "\r\nretry: 2000\n\n";
    c.streaming = true;
    // Subscribe before reading the history: an event committed meanwhile is
    // then either in the history or in the posted queue (sent_up_to skips a
    // second copy), never in neither.
    for (const auto& t : c.tickets) subscribers_[t].push_back(c.fd);
    for (const auto& t : c.tickets) {
      int64_t seq = 0, deadline = -1;
      for (const EventRow& row : events_after(*ctx_.db, 0, t, 10000)) {
        ++seq;
        if (row.id <= last_id) continue;
        if (deadline < 0) deadline = deadline_of(t);
        resp += frame(row, static_cast<std::uint64_t>(seq), deadline, c.lang);
        c.sent_up_to[t] = row.id;
      }
    }
    send(c.fd, resp);
  }

  int64_t deadline_of(const std::string& ticket) {
    auto guard = ctx_.db->lock();
    Stmt s(ctx_.db->handle(), "SELECT sla_deadline FROM requests WHERE id = ?");
    s.bind(1, ticket);
    return s.step() ? s.integer(0) : 0;
  }

  uint64_t seq_of(const EventRow& row) {
    auto guard = ctx_.db->lock();
    Stmt s(ctx_.db->handle(), "SELECT COUNT(*) FROM events WHERE request_id = ? AND id <= ?");
    s.bind(1, row.request_id).bind(2, row.id);
    return s.step() ? static_cast<uint64_t>(s.integer(0)) : 0;
  }

  std::string frame(const EventRow& row, uint64_t seq, int64_t deadline, Lang lang) {
    tracking::TicketEvent e;
    e.ticket = row.request_id;
    e.seq = seq;
    e.event_id = static_cast<uint64_t>(row.id);
    e.kind = tracking::kind_from_type(row.type, row.status).value_or(tracking::EventKind::note);
    e.at = row.created_at;
    const Text* dept = ctx_.catalogue.department(row.department);
    e.department = dept ? dept->in(lang) : row.department;
    e.note = row.type == "rated" ? std::string() : row.note;
    if (deadline > 0) e.sla_deadline = deadline;
    return "id: " + std::to_string(row.id) + "\nevent: ticket\ndata: " + tracking::ticket_event_json(e) + "\n\n";
  }

  void drain_posted() {
    uint64_t n;
    (void)!read(wake_, &n, sizeof n);
    std::deque<EventRow> rows;
    {
      std::lock_guard lock(mu_);
      rows.swap(pending_);
    }
    static const bool trace = std::getenv("CIVIC_EVENTS_TRACE") != nullptr;
    for (const EventRow& row : rows) {
      auto subs = subscribers_.find(row.request_id);
      if (subs == subscribers_.end() || subs->second.empty()) continue;
      const auto t0 = std::chrono::steady_clock::now();
      timespec cpu0{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0);
      const uint64_t seq = seq_of(row);
      const int64_t deadline = deadline_of(row.request_id);
      std::string framed[2];  // per language, formatted once
      std::vector<int> fds = subs->second;
      for (int fd : fds) {
        auto it = conns_.find(fd);
        if (it == conns_.end()) continue;
        Conn& c = *it->second;
        int64_t& up_to = c.sent_up_to[row.request_id];
        if (row.id <= up_to) continue;
        up_to = row.id;
        std::string& f = framed[c.lang == Lang::en ? 1 : 0];
        if (f.empty()) f = frame(row, seq, deadline, c.lang);
        send(fd, f);
      }
      if (trace) {  // for tests/bench/tracking_latency.mjs: the server's share of the latency (wall, and CPU)
        timespec cpu1{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
        double cpu_ms = (cpu1.tv_sec - cpu0.tv_sec) * 1e3 + (cpu1.tv_nsec - cpu0.tv_nsec) / 1e6;
        std::fprintf(stderr, "events_stream: event %lld to %zu followers in %.2f ms (cpu %.2f ms)\n",
                     static_cast<long long>(row.id), fds.size(),
                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(), cpu_ms);
      }
    }
  }

  // Writes what the socket takes now and queues the rest. The common case
  // (nothing queued, the kernel takes it all) is one send() and no copy.
  void send(int fd, const std::string& bytes) {
    auto it = conns_.find(fd);
    if (it == conns_.end()) return;
    Conn& c = *it->second;
    if (c.out.empty() && !c.closing) {
      ssize_t w;
      do w = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL); while (w < 0 && errno == EINTR);
      if (w == static_cast<ssize_t>(bytes.size())) return;
      if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return drop(fd);
      c.out.assign(bytes, w > 0 ? static_cast<std::size_t>(w) : 0);
      return flush(c);
    }
    if (c.out.size() + bytes.size() > kMaxUnsent) return drop(fd);
    c.out += bytes;
    flush(c);
  }

  void flush(Conn& c) {
    std::size_t done = 0;
    while (done < c.out.size()) {
      ssize_t w = ::send(c.fd, c.out.data() + done, c.out.size() - done, MSG_NOSIGNAL);
      if (w > 0) {
        done += static_cast<std::size_t>(w);
        continue;
      }
      if (w < 0 && errno == EINTR) continue;
      if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      return drop(c.fd);
    }
    c.out.erase(0, done);
    if (c.out.empty() && c.closing) return drop(c.fd);
    const bool want = !c.out.empty();
    if (want != c.want_out) {  // re-arm only on change: one syscall saved per follower per event
      c.want_out = want;
      watch(c.fd, EPOLLIN | EPOLLRDHUP | (want ? static_cast<uint32_t>(EPOLLOUT) : 0u), EPOLL_CTL_MOD);
    }
  }

  void drop(int fd) {
    auto it = conns_.find(fd);
    if (it == conns_.end()) return;
    for (const auto& t : it->second->tickets) {
      auto s = subscribers_.find(t);
      if (s == subscribers_.end()) continue;
      auto& v = s->second;
      for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i] == fd) {
          v[i] = v.back();
          v.pop_back();
          break;
        }
      if (v.empty()) subscribers_.erase(s);
    }
    epoll_ctl(ep_, EPOLL_CTL_DEL, fd, nullptr);
    close(fd);
    conns_.erase(it);
  }

  Context& ctx_;
  int listen_fd_ = -1, ep_ = -1, wake_ = -1, port_ = 0;
  std::mutex mu_;
  std::deque<EventRow> pending_;
  std::unordered_map<int, std::unique_ptr<Conn>> conns_;
  std::unordered_map<std::string, std::vector<int>> subscribers_;
};

// The main port's answer: where the stream really is.
HttpResponse redirect(int port, const HttpRequest& req) {
  std::string host = req.header("host");
  if (host.empty() || host.find_first_of("/\r\n @") != std::string::npos) host = "127.0.0.1";
  if (host.front() != '[') host = host.substr(0, host.rfind(':'));
  HttpResponse r;
  r.status = 307;
  r.content_type = "text/plain; charset=utf-8";
  api::Params q(req.query.begin(), req.query.end());
  r.set_header("Location", "http://" + host + ":" + std::to_string(port) + kPath + (q.empty() ? "" : "?" + api::form_encode(q)));
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

int start_event_stream(Context& ctx, Router& router) {
  int want = 0;
  if (const char* p = std::getenv("CIVIC_EVENTS_PORT"); p && *p) want = std::atoi(p);
  auto* stream = new Stream(ctx);  // one per process, lives until exit
  int port = stream->start(ctx.options.host, want);
  if (port < 0) return -1;
  add_event_observer([stream](const EventRow& row) { stream->post({row}); });
  router.add("GET", kPath, [port](Context&, const HttpRequest& req, const Captures&) { return redirect(port, req); });
  return port;
}

}  // namespace civic::server
