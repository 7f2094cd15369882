// server/http_server.cpp — run_http(): civic-server's HTTP/1.1 transport.
// One epoll thread owns every socket (non-blocking, level-triggered) and a
// small pool of worker threads runs the route handlers, because SQLite calls
// block. Requests are parsed by server/http_parse.hpp (its limits apply);
// a connection has at most one request at a worker at a time, so pipelined
// requests are answered in order.
//  [x] keep-alive and pipelining; Expect: 100-continue; chunked request bodies
//  [x] 413 before reading an oversized body, then close; 400/414/431/501/505
//      for what the parser refuses, each with a GeoReport error body
//  [x] slowloris: a request head must arrive within kHeadSeconds of its
//      first byte, a body must make progress every kIdleSeconds, idle
//      keep-alive connections close after kKeepAliveSeconds; 408 then close
//  [x] static files streamed with sendfile(2) (never read whole into memory)
//  [x] SIGINT/SIGTERM (signalfd): stop accepting, close idle connections,
//      finish in-flight requests (up to kStopSeconds), then return
//  [ ] TLS (run behind a terminating proxy), HTTP/2, compression of dynamic
//      answers (precompressed .br/.gz siblings of static files are served)
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/sendfile.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/http_parse.hpp"
#include "server/transport.hpp"

namespace civic::server {

namespace {

constexpr int kHeadSeconds = 10;       // first byte of a request to the end of its head
constexpr int kIdleSeconds = 10;       // no progress reading a body or writing an answer
constexpr int kKeepAliveSeconds = 5;   // between requests on one connection
constexpr int kStopSeconds = 10;       // in-flight requests may finish after SIGTERM
constexpr int kLingerSeconds = 2;      // reading and dropping what a refused client still sends
constexpr size_t kMaxLingerBytes = 64u << 20;
constexpr size_t kMaxConnections = 10000;
constexpr size_t kReadChunk = 64 * 1024;
constexpr size_t kMaxBufferedInput = 256 * 1024;  // pipelined bytes waiting behind a busy request

constexpr uint64_t kListenerId = 1, kWakeId = 2, kSignalId = 3, kFirstConnId = 16;

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

const char* reason(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 460: return "Checksum Mismatch";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

// What a worker hands back: the bytes to send, and a file to stream after them.
struct Answer {
  uint64_t conn = 0;
  std::string bytes;
  int file_fd = -1;
  off_t file_size = 0;
  bool close = false;
};

// Status line, headers and (unless HEAD or a bodiless status) the body.
// Static files: opens the file here, on the worker, and leaves it to the loop.
Answer serialize(const HttpResponse& res, bool head_only, bool keep_alive, int minor) {
  Answer a;
  bool close = !keep_alive;
  for (const auto& [k, v] : res.headers)
    if ((k == "Connection" || k == "connection") && v == "close") close = true;
  int status = res.status;
  std::string body_len;
  int fd = -1;
  off_t size = 0;
  if (!res.file_path.empty()) {
    fd = ::open(res.file_path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st{};
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      if (fd >= 0) ::close(fd);
      fd = -1;
      status = 404;
    } else {
      size = st.st_size;
    }
  }
  std::string& out = a.bytes;
  out.reserve(256 + res.body.size());
  out += minor == 0 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(status);
  out += ' ';
  out += reason(status);
  out += "\r\n";
  for (const auto& [k, v] : res.headers) {
    if (k == "Connection" || k == "connection" || k == "Content-Length") continue;
    if (fd < 0 && status != res.status && (k == "Content-Encoding")) continue;
    out += k;
    out += ": ";
    out += v;
    out += "\r\n";
  }
  const bool bodiless = status == 204 || status == 304 || status < 200;
  if (!bodiless) {
    if (!res.content_type.empty()) {
      out += "Content-Type: ";
      out += res.content_type;
      out += "\r\n";
    }
    out += "Content-Length: ";
    out += std::to_string(fd >= 0 ? static_cast<uint64_t>(size) : (status != res.status ? 0 : res.body.size()));
    out += "\r\n";
  }
  if (close) out += "Connection: close\r\n";
  else if (minor == 0) out += "Connection: keep-alive\r\n";
  out += "\r\n";
  if (!bodiless && !head_only && fd < 0 && status == res.status) out += res.body;
  if (fd >= 0 && (head_only || bodiless)) {
    ::close(fd);
    fd = -1;
  }
  a.file_fd = fd;
  a.file_size = size;
  a.close = close;
  return a;
}

struct Job {
  uint64_t conn;
  HttpRequest req;
  bool keep_alive;
  int minor;
};

// Route handlers run here: they may block on SQLite and on the commit queue.
class WorkerPool {
 public:
  WorkerPool(Context& ctx, const Router& router, int threads, int wake_fd)
      : ctx_(ctx), router_(router), wake_fd_(wake_fd) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      quit_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
  }
  void submit(Job job) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
  }
  // Answers finished since the last call.
  void take_done(std::vector<Answer>& out) {
    std::lock_guard lock(mutex_);
    out.swap(done_);
    done_.clear();
  }
  // Answers the loop makes itself (parse errors) go the same way.
  void post(Answer a) {
    {
      std::lock_guard lock(mutex_);
      done_.push_back(std::move(a));
    }
    uint64_t one = 1;
    (void)!::write(wake_fd_, &one, sizeof one);
  }

 private:
  void work() {
    while (true) {
      Job job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return quit_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      HttpResponse res = handle(ctx_, router_, job.req);
      Answer a = serialize(res, job.req.method == "HEAD", job.keep_alive, job.minor);
      a.conn = job.conn;
      post(std::move(a));
    }
  }

  Context& ctx_;
  const Router& router_;
  int wake_fd_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> jobs_;
  std::vector<Answer> done_;
  bool quit_ = false;
  std::vector<std::thread> threads_;
};

struct Conn {
  uint64_t id = 0;
  int fd = -1;
  std::string remote;
  http::RequestParser parser;
  std::string in;
  std::string out;
  size_t out_off = 0;
  int file_fd = -1;
  off_t file_off = 0, file_size = 0;
  bool busy = false;           // a request is at a worker
  bool close_after = false;    // close once out (and the file) are sent
  bool continue_sent = false;
  bool reading = true;         // EPOLLIN armed
  bool writing = false;        // EPOLLOUT armed
  bool dead = false;           // the peer is gone while a worker still has its request
  bool peer_done = false;      // the peer shut its sending side
  bool lingering = false;      // answered and shut our side; dropping late bytes until the peer closes
  size_t lingered = 0;
  double request_start = 0;    // first byte of the current request (0: none yet)
  double last_progress = 0;

  explicit Conn(size_t max_body) : parser(max_body) {}
  ~Conn() {
    if (file_fd >= 0) ::close(file_fd);
    if (fd >= 0) ::close(fd);
  }
  bool idle() const { return !busy && out_off >= out.size() && file_fd < 0 && !parser.started() && in.empty(); }
};

class Server {
 public:
  Server(Context& ctx, const Router& router) : ctx_(ctx), router_(router) {}

  ~Server() {
    if (listen_fd_ >= 0) ::close(listen_fd_);
    if (ep_ >= 0) ::close(ep_);
    if (wake_fd_ >= 0) ::close(wake_fd_);
    if (sig_fd_ >= 0) ::close(sig_fd_);
  }

  // Binds options.host:port; returns the bound port or -1.
  int bind_listener() {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    std::string port = std::to_string(ctx_.options.port);
    if (getaddrinfo(ctx_.options.host.c_str(), port.c_str(), &hints, &found) != 0) return -1;
    for (addrinfo* ai = found; ai; ai = ai->ai_next) {
      int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
      if (fd < 0) continue;
      int one = 1;
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
      if (::bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && ::listen(fd, 4096) == 0) {
        listen_fd_ = fd;
        break;
      }
      ::close(fd);
    }
    freeaddrinfo(found);
    if (listen_fd_ < 0) return -1;
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  }

  bool setup() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    signal(SIGPIPE, SIG_IGN);
    ep_ = epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    sig_fd_ = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (ep_ < 0 || wake_fd_ < 0 || sig_fd_ < 0) return false;
    return add(listen_fd_, kListenerId, EPOLLIN) && add(wake_fd_, kWakeId, EPOLLIN) && add(sig_fd_, kSignalId, EPOLLIN);
  }

  void run() {
    pool_ = std::make_unique<WorkerPool>(ctx_, router_, ctx_.options.threads, wake_fd_);
    std::vector<epoll_event> events(256);
    double last_sweep = now();
    double stop_deadline = 0;
    while (true) {
      if (stopping_) {
        if (conns_.empty() || now() > stop_deadline) break;
      }
      int n = epoll_wait(ep_, events.data(), static_cast<int>(events.size()), 1000);
      if (n < 0 && errno != EINTR) break;
      for (int i = 0; i < n; ++i) {
        uint64_t id = events[i].data.u64;
        uint32_t ev = events[i].events;
        if (id == kListenerId) accept_all();
        else if (id == kWakeId) deliver();
        else if (id == kSignalId) {
          signalfd_siginfo info;
          while (::read(sig_fd_, &info, sizeof info) == sizeof info) {
          }
          if (!stopping_) {
            stopping_ = true;
            stop_deadline = now() + kStopSeconds;
            begin_stop();
          }
        } else {
          auto it = conns_.find(id);
          if (it == conns_.end()) continue;
          Conn& c = *it->second;
          if (ev & (EPOLLERR | EPOLLHUP)) {
            // Both report even when not asked for: leave epoll now, and
            // drop the connection once its worker answers.
            if (!c.busy) {
              close_conn(c);
            } else {
              epoll_ctl(ep_, EPOLL_CTL_DEL, c.fd, nullptr);
              c.dead = true;
            }
            continue;
          }
          if (ev & EPOLLOUT) flush(c);
          if (conns_.count(id) && (ev & EPOLLIN)) read_from(c);
        }
      }
      double t = now();
      if (t - last_sweep >= 1.0) {
        last_sweep = t;
        sweep(t);
      }
    }
    pool_.reset();  // joins the workers (their answers for closed connections are dropped)
    conns_.clear();
  }

 private:
  bool add(int fd, uint64_t id, uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = id;
    return epoll_ctl(ep_, EPOLL_CTL_ADD, fd, &ev) == 0;
  }

  void arm(Conn& c) {
    if (c.dead) return;
    uint32_t want = (c.reading ? uint32_t{EPOLLIN} : 0u) | (c.writing ? uint32_t{EPOLLOUT} : 0u);
    epoll_event ev{};
    ev.events = want;
    ev.data.u64 = c.id;
    epoll_ctl(ep_, EPOLL_CTL_MOD, c.fd, &ev);
  }

  void set_interest(Conn& c, bool reading, bool writing) {
    if (c.reading == reading && c.writing == writing) return;
    c.reading = reading;
    c.writing = writing;
    arm(c);
  }

  void accept_all() {
    while (true) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      int fd = accept4(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN, or out of descriptors (retried on the next wake-up)
      if (stopping_ || conns_.size() >= kMaxConnections) {
        ::close(fd);
        continue;
      }
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto c = std::make_unique<Conn>(ctx_.options.max_body);
      c->id = next_id_++;
      c->fd = fd;
      char host[INET6_ADDRSTRLEN] = "";
      if (addr.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr)->sin_addr, host, sizeof host);
      else if (addr.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&addr)->sin6_addr, host, sizeof host);
      c->remote = host;
      c->last_progress = now();
      if (!add(fd, c->id, EPOLLIN)) continue;
      conns_.emplace(c->id, std::move(c));
    }
  }

  void close_conn(Conn& c) { conns_.erase(c.id); }

  void read_from(Conn& c) {
    char buf[kReadChunk];
    if (c.lingering) {
      // Closing with unread bytes makes the kernel send RST, which can reach
      // the client before our answer (a 413 to a large upload); so the rest
      // of its request is read and dropped first.
      while (true) {
        ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n > 0 && (c.lingered += static_cast<size_t>(n)) < kMaxLingerBytes) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n < 0 && errno == EINTR) continue;
        close_conn(c);
        return;
      }
    }
    while (c.reading) {
      ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
      if (n > 0) {
        if (c.in.empty() && !c.parser.started()) c.request_start = now();
        c.last_progress = now();
        c.in.append(buf, static_cast<size_t>(n));
        if (c.busy && c.in.size() > kMaxBufferedInput) set_interest(c, false, c.writing);
        if (static_cast<size_t>(n) < sizeof buf) break;
        continue;
      }
      if (n == 0) {  // the client finished sending: answer what is due, then close
        c.close_after = true;
        c.peer_done = true;
        set_interest(c, false, c.writing);
        break;
      }
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      if (errno == EINTR) continue;
      close_conn(c);
      return;
    }
    process(c);
  }

  // Parses buffered bytes; a complete request goes to a worker.
  void process(Conn& c) {
    while (!c.busy && !c.in.empty()) {
      if (!c.parser.started()) c.request_start = now();
      size_t used = c.parser.feed(c.in);
      c.in.erase(0, used);
      http::State st = c.parser.state();
      if (st == http::State::error) {
        refuse(c, c.parser.error_status());
        return;
      }
      if (st == http::State::need_more) {
        if (c.parser.headers_complete() && c.parser.request().expect_continue && !c.continue_sent) {
          c.continue_sent = true;
          c.out += "HTTP/1.1 100 Continue\r\n\r\n";
          flush(c);
        }
        return;
      }
      dispatch(c);
    }
    if (c.close_after && !c.busy && c.out_off >= c.out.size() && c.file_fd < 0) close_conn(c);
  }

  HttpRequest to_request(http::Request& in, const std::string& remote) {
    HttpRequest out;
    out.method = std::move(in.method);
    http::split_target(in.target, out.path, out.query);
    for (auto& [k, v] : in.headers) out.headers[k] = std::move(v);  // the last of repeated fields wins
    out.body = std::move(in.body);
    out.remote_addr = remote;
    return out;
  }

  void dispatch(Conn& c) {
    http::Request& r = c.parser.request();
    bool keep = r.keep_alive && !stopping_;
    int minor = r.minor;
    Job job{c.id, to_request(r, c.remote), keep, minor};
    c.busy = true;
    c.parser.reset();
    c.continue_sent = false;
    c.request_start = 0;
    pool_->submit(std::move(job));
  }

  // The parser refused the request: answer in GeoReport form, then close
  // (after a framing error the next request's start is unknown).
  void refuse(Conn& c, int status) {
    const http::Request& r = c.parser.request();
    HttpRequest probe;
    probe.method = r.method;
    http::split_target(r.target, probe.path, probe.query);
    for (const auto& [k, v] : r.headers) probe.headers[k] = v;
    probe.remote_addr = c.remote;
    HttpResponse res = transport_error(ctx_, probe, status);
    Answer a = serialize(res, false, false, 1);
    c.busy = true;
    c.in.clear();
    set_interest(c, false, c.writing);
    a.conn = c.id;
    pool_->post(std::move(a));
  }

  void deliver() {
    uint64_t count;
    while (::read(wake_fd_, &count, sizeof count) == sizeof count) {
    }
    std::vector<Answer> done;
    pool_->take_done(done);
    for (Answer& a : done) {
      auto it = conns_.find(a.conn);
      if (it == conns_.end()) {
        if (a.file_fd >= 0) ::close(a.file_fd);
        continue;
      }
      Conn& c = *it->second;
      if (c.dead) {
        if (a.file_fd >= 0) ::close(a.file_fd);
        close_conn(c);
        continue;
      }
      if (c.out_off >= c.out.size()) {
        c.out = std::move(a.bytes);
        c.out_off = 0;
      } else {
        c.out += a.bytes;
      }
      c.file_fd = a.file_fd;
      c.file_off = 0;
      c.file_size = a.file_size;
      if (a.close || stopping_) c.close_after = true;
      c.last_progress = now();
      flush(c);
    }
  }

  // Writes what is queued; when an answer is complete, the next request may start.
  void flush(Conn& c) {
    while (c.out_off < c.out.size()) {
      ssize_t n = ::send(c.fd, c.out.data() + c.out_off, c.out.size() - c.out_off, MSG_NOSIGNAL);
      if (n > 0) {
        c.out_off += static_cast<size_t>(n);
        c.last_progress = now();
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        set_interest(c, c.reading, true);
        return;
      }
      close_conn(c);
      return;
    }
    c.out.clear();
    c.out_off = 0;
    while (c.file_fd >= 0 && c.file_off < c.file_size) {
      ssize_t n = ::sendfile(c.fd, c.file_fd, &c.file_off, static_cast<size_t>(c.file_size - c.file_off));
      if (n > 0) {
        c.last_progress = now();
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        set_interest(c, c.reading, true);
        return;
      }
      close_conn(c);  // the file shrank under us or the peer left: the length promised cannot be kept
      return;
    }
    if (c.file_fd >= 0) {
      ::close(c.file_fd);
      c.file_fd = -1;
    }
    if (!c.busy) {  // a 100 Continue went out; the request is still being read
      set_interest(c, !c.close_after, false);
      return;
    }
    // The answer is complete.
    c.busy = false;
    if (c.close_after) {
      if (c.peer_done) {
        close_conn(c);
      } else {
        ::shutdown(c.fd, SHUT_WR);
        c.lingering = true;
        c.last_progress = now();
        c.in.clear();
        set_interest(c, true, false);
      }
      return;
    }
    set_interest(c, true, false);
    if (!c.in.empty()) {
      uint64_t id = c.id;
      process(c);
      if (!conns_.count(id)) return;
    }
  }

  void begin_stop() {
    if (listen_fd_ >= 0) {
      epoll_ctl(ep_, EPOLL_CTL_DEL, listen_fd_, nullptr);
      ::close(listen_fd_);
      listen_fd_ = -1;
    }
    std::vector<uint64_t> idle;
    // Busy ones finish (deliver() closes them after their answer); a request
    // still arriving is answered too, with Connection: close (dispatch()).
    for (auto& [id, c] : conns_)
      if (c->idle()) idle.push_back(id);
    for (uint64_t id : idle) conns_.erase(id);
  }

  // Timeouts: slow heads (slowloris), stalled bodies and writes, idle keep-alive.
  void sweep(double t) {
    std::vector<uint64_t> drop, late;
    for (auto& [id, c] : conns_) {
      if (c->lingering) {
        if (t - c->last_progress > kLingerSeconds) drop.push_back(id);
        continue;
      }
      if (c->busy) {
        if (c->out_off < c->out.size() || c->file_fd >= 0) {
          if (t - c->last_progress > kIdleSeconds) drop.push_back(id);
        }
        continue;
      }
      if (c->parser.started() || !c->in.empty()) {
        bool head_late = !c->parser.headers_complete() && c->request_start > 0 && t - c->request_start > kHeadSeconds;
        if (head_late || t - c->last_progress > kIdleSeconds) late.push_back(id);
      } else if (t - c->last_progress > kKeepAliveSeconds || stopping_) {
        drop.push_back(id);
      }
    }
    for (uint64_t id : drop) conns_.erase(id);
    for (uint64_t id : late) {
      auto it = conns_.find(id);
      if (it != conns_.end()) refuse(*it->second, 408);
    }
  }

  Context& ctx_;
  const Router& router_;
  int listen_fd_ = -1, ep_ = -1, wake_fd_ = -1, sig_fd_ = -1;
  bool stopping_ = false;
  uint64_t next_id_ = kFirstConnId;
  std::unordered_map<uint64_t, std::unique_ptr<Conn>> conns_;
  std::unique_ptr<WorkerPool> pool_;
};

}  // namespace

int run_http(Context& ctx, const Router& router, const std::function<void(int)>& on_listening) {
  Server server(ctx, router);
  int port = server.bind_listener();
  if (port < 0) return 1;
  ctx.options.port = port;
  if (!server.setup()) return 1;
  if (on_listening) on_listening(port);
  server.run();
  return 0;
}

}  // namespace civic::server
