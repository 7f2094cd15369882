// tests/bench/server_load.cpp — a load driver for civic-server in C++ (a
// benchmark, not a test: it prints figures and asserts nothing). The Node
// driver (server_load.mjs) needs most of a core for itself at these rates on
// a 2-core machine; this one is a single epoll thread with raw non-blocking
// keep-alive sockets, so the figures are the server's.
//
//   civic_server_load [--bin DIR | --url http://127.0.0.1:PORT] [--clients 64]
//                     [--seconds 10] [--batch 50] [--threads N] [--rate R] [--read-rate R]
//
// With --bin it starts DIR/civic-server on a free loopback port with a
// temporary database and no rate limits (and --threads N route workers when
// given), then:
//  1. submissions: --clients connections POST /requests.json (each with its
//     own Idempotency-Key) for --seconds; submissions/s, p50/p99/max;
//  2. reads: the same connections GET /requests.json?service_request_id=
//     <batch ids> for --seconds; batches/s, p50/p99/max;
// and for each phase the server's CPU time (from /proc) and the driver's own.
// By default each client sends its next request as soon as the last is
// answered (closed loop: the figures are the server's capacity, and its
// latency at that saturation is just clients / throughput). --rate R
// (--read-rate R for the reads) instead offers R requests/s in all, spread
// evenly over the clients (open loop): a request's latency counts from when it was due, so one that had to
// wait for its connection's previous answer is charged for the wait (no
// coordinated omission). That is the figure for "R per second with p99
// under X ms"; the achieved rate is printed beside it.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double cpu_of(pid_t pid) {  // user + system seconds of a process
  if (pid <= 0) return 0;
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string s((std::istreambuf_iterator<char>(f)), {});
  size_t p = s.rfind(") ");
  if (p == std::string::npos) return 0;
  std::istringstream in(s.substr(p + 2));
  std::string field;
  double ut = 0, st = 0;
  for (int i = 0; i < 13 && in >> field; ++i) {
    if (i == 11) ut = std::atof(field.c_str());
    if (i == 12) st = std::atof(field.c_str());
  }
  return (ut + st) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double own_cpu() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
         static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

struct Conn {
  int fd = -1;
  std::string out;
  size_t off = 0;
  std::string in;
  double started = 0;
  double due = 0;       // --rate: when the next request is due
  bool idle = false;    // --rate: answered, waiting for `due`
  int index = 0;
  long seq = 0;
};

struct Server {
  pid_t pid = -1;
  int port = 0;
  std::string dir;
};

Server start_server(const std::string& bin, const std::string& threads) {
  Server s;
  char tmpl[] = "/tmp/civic-load-XXXXXX";
  if (!mkdtemp(tmpl)) return s;
  s.dir = tmpl;
  int pipefd[2];
  if (pipe(pipefd) != 0) return s;
  s.pid = fork();
  if (s.pid == 0) {
    dup2(pipefd[1], 1);
    close(pipefd[0]);
    setenv("CIVIC_LANG", "en", 1);
    std::string exe = bin + "/civic-server", db = s.dir + "/civic.db", media = s.dir + "/media";
    std::vector<const char*> argv = {exe.c_str(), "--port", "0", "--db", db.c_str(), "--web", s.dir.c_str(),
                                     "--media", media.c_str(), "--rate-limit", "0", "--read-rate-limit", "0"};
    if (!threads.empty()) argv.insert(argv.end(), {"--threads", threads.c_str()});
    argv.push_back(nullptr);
    execv(exe.c_str(), const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  close(pipefd[1]);
  std::string out;
  char buf[512];
  ssize_t n;
  while ((n = read(pipefd[0], buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    size_t at = out.find("running at http://");
    if (at != std::string::npos) {
      size_t colon = out.find(':', at + 18);
      if (colon != std::string::npos && out.find('/', colon) != std::string::npos) {
        s.port = std::atoi(out.c_str() + colon + 1);
        break;
      }
    }
  }
  // Keep reading its stdout in the background would need a thread; the
  // server writes nothing more until it stops, and the pipe buffer holds that.
  return s;
}

int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(fd);
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t i = std::min(sorted.size() - 1, static_cast<size_t>(p / 100.0 * static_cast<double>(sorted.size())));
  return sorted[i];
}

// One phase: every connection sends make(conn) and waits for its answer.
void drive(const char* name, int port, int clients, double seconds, double rate, pid_t server_pid,
           const std::function<std::string(Conn&)>& make,
           const std::function<bool(int status, const std::string& body)>& check) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  std::vector<Conn> conns(static_cast<size_t>(clients));
  std::vector<double> lat;
  lat.reserve(200000);
  long errors = 0, reconnects = 0;
  auto send_next = [&](Conn& c, double started) {
    c.out = make(c);
    c.off = 0;
    c.started = started;
    c.idle = false;
    while (c.off < c.out.size()) {
      ssize_t n = send(c.fd, c.out.data() + c.off, c.out.size() - c.off, MSG_NOSIGNAL);
      if (n <= 0) break;
      c.off += static_cast<size_t>(n);
    }
    epoll_event ev{};
    ev.events = EPOLLIN | (c.off < c.out.size() ? uint32_t{EPOLLOUT} : 0u);
    ev.data.u32 = static_cast<uint32_t>(c.index);
    epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
  };
  for (int i = 0; i < clients; ++i) {
    Conn& c = conns[static_cast<size_t>(i)];
    c.index = i;
    c.fd = connect_to(port);
    if (c.fd < 0) {
      std::fprintf(stderr, "cannot connect to port %d\n", port);
      std::exit(1);
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u32 = static_cast<uint32_t>(i);
    epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
  }
  double cpu0 = cpu_of(server_pid), own0 = own_cpu();
  double start = now_ms(), end = start + seconds * 1000;
  int active = clients;
  const double interval = rate > 0 ? 1000.0 * clients / rate : 0;  // ms between one client's requests
  for (Conn& c : conns) {
    if (rate > 0) {
      c.due = start + interval * c.index / clients;  // staggered, so the offered load is even
      c.idle = true;
    } else {
      send_next(c, now_ms());
    }
  }
  std::vector<epoll_event> events(static_cast<size_t>(clients));
  char buf[65536];
  while (active > 0) {
    int timeout = 1000;
    if (rate > 0) {
      double t = now_ms();
      for (Conn& c : conns) {
        if (c.fd < 0 || !c.idle) continue;
        if (c.due >= end) {  // nothing more is due on this one
          close(c.fd);
          c.fd = -1;
          --active;
          continue;
        }
        if (c.due <= t) send_next(c, c.due);
        else timeout = std::min(timeout, static_cast<int>(c.due - t) + 1);
      }
      if (active == 0) break;
    }
    int n = epoll_wait(ep, events.data(), clients, timeout);
    for (int e = 0; e < n; ++e) {
      Conn& c = conns[events[static_cast<size_t>(e)].data.u32];
      if (c.fd < 0) continue;
      if (events[static_cast<size_t>(e)].events & EPOLLOUT) {
        while (c.off < c.out.size()) {
          ssize_t w = send(c.fd, c.out.data() + c.off, c.out.size() - c.off, MSG_NOSIGNAL);
          if (w <= 0) break;
          c.off += static_cast<size_t>(w);
        }
        if (c.off >= c.out.size()) {
          epoll_event ev{};
          ev.events = EPOLLIN;
          ev.data.u32 = static_cast<uint32_t>(c.index);
          epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
        }
      }
      while (true) {
        ssize_t r = recv(c.fd, buf, sizeof buf, 0);
        if (r > 0) {
          c.in.append(buf, static_cast<size_t>(r));
          continue;
        }
        if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
          // The server closed the connection (cpp-httplib, the transport
          // before the event loop, did so after 1,000 requests): connect
          // again and send the same request again.
          epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
          close(c.fd);
          c.fd = connect_to(port);
          c.in.clear();
          ++reconnects;
          if (c.fd < 0) {
            std::fprintf(stderr, "cannot connect to port %d\n", port);
            std::exit(1);
          }
          epoll_event ev{};
          ev.events = EPOLLIN;
          ev.data.u32 = static_cast<uint32_t>(c.index);
          epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
          c.off = 0;
          while (c.off < c.out.size()) {
            ssize_t w = send(c.fd, c.out.data() + c.off, c.out.size() - c.off, MSG_NOSIGNAL);
            if (w <= 0) break;
            c.off += static_cast<size_t>(w);
          }
          if (c.off < c.out.size()) {
            ev.events = EPOLLIN | EPOLLOUT;
            epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
          }
        }
        break;
      }
      size_t head_end = c.in.find("\r\n\r\n");
      if (head_end == std::string::npos) continue;
      size_t cl = 0;
      for (size_t p = 0; p < head_end;) {
        size_t eol = c.in.find("\r\n", p);
        if (eol > head_end) eol = head_end;
        if (eol - p > 15 && strncasecmp(c.in.c_str() + p, "content-length:", 15) == 0)
          cl = static_cast<size_t>(std::atol(c.in.c_str() + p + 15));
        p = eol + 2;
      }
      if (c.in.size() < head_end + 4 + cl) continue;
      int status = std::atoi(c.in.c_str() + 9);
      std::string body = c.in.substr(head_end + 4, cl);
      c.in.erase(0, head_end + 4 + cl);
      double t = now_ms();
      lat.push_back(t - c.started);
      if (!check(status, body)) ++errors;
      if (rate > 0) {
        c.due += interval;
        c.idle = true;
        if (c.due <= t && c.due < end) send_next(c, c.due);  // late: the wait is charged to it
      } else if (t < end) {
        send_next(c, t);
      } else {
        close(c.fd);
        c.fd = -1;
        --active;
      }
    }
  }
  double elapsed = (now_ms() - start) / 1000;
  double cpu = cpu_of(server_pid) - cpu0, own = own_cpu() - own0;
  close(ep);
  std::sort(lat.begin(), lat.end());
  if (rate > 0) std::printf("%s, offered %.0f/s:\n  ", name, rate);
  std::printf("%s: %zu in %.1f s = %.1f/s with %d clients; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %ld, reconnects %ld\n",
              name, lat.size(), elapsed, static_cast<double>(lat.size()) / elapsed, clients, percentile(lat, 50),
              percentile(lat, 99), lat.empty() ? 0 : lat.back(), errors, reconnects);
  if (server_pid > 0)
    std::printf("  server CPU %.2f s = %.3f ms per request (%.0f%% of one core); driver CPU %.2f s (%.0f%% of one core)\n",
                cpu, cpu * 1000 / static_cast<double>(std::max<size_t>(1, lat.size())), cpu / elapsed * 100, own,
                own / elapsed * 100);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string bin = "build/native/bin", url, threads;
  int clients = 64, batch = 50;
  double seconds = 10, rate = 0, read_rate = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--bin") bin = v;
    else if (a == "--url") url = v;
    else if (a == "--clients") clients = std::max(1, std::atoi(v.c_str()));
    else if (a == "--seconds") seconds = std::max(1.0, std::atof(v.c_str()));
    else if (a == "--batch") batch = std::clamp(std::atoi(v.c_str()), 1, 200);
    else if (a == "--threads") threads = v;
    else if (a == "--rate") rate = std::max(0.0, std::atof(v.c_str()));
    else if (a == "--read-rate") read_rate = std::max(0.0, std::atof(v.c_str()));
    else {
      std::fprintf(stderr, "usage: civic_server_load [--bin DIR | --url http://127.0.0.1:PORT] [--clients N] "
                           "[--seconds S] [--batch N] [--threads N] [--rate R] [--read-rate R]\n");
      return 2;
    }
  }
  signal(SIGPIPE, SIG_IGN);
  Server server;
  if (!url.empty()) {
    size_t colon = url.rfind(':');
    server.port = colon == std::string::npos ? 80 : std::atoi(url.c_str() + colon + 1);
  } else {
    server = start_server(bin, threads);
    if (server.port <= 0) {
      std::fprintf(stderr, "civic-server did not start from %s\n", bin.c_str());
      return 1;
    }
  }
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  std::printf("civic-server load (C++ driver): 127.0.0.1:%d, %ld cores, %.0f s per phase, load average %.2f %.2f %.2f\n",
              server.port, sysconf(_SC_NPROCESSORS_ONLN), seconds, load[0], load[1], load[2]);

  const std::string form =
      "service_code=streetlight-out&description=%E5%B0%8F%E5%8C%BA%E9%97%A8%E5%8F%A3%E7%9A%84%E8%B7%AF%E7%81%AF"
      "%E5%B7%B2%E7%BB%8F%E4%B8%89%E5%A4%A9%E4%B8%8D%E4%BA%AE%EF%BC%8C%E6%99%9A%E4%B8%8A%E5%BE%88%E4%B8%8D%E5%AE"
      "%89%E5%85%A8&lat=22.5431&long=114.0579&phone=13800138000&attribute%5Bproblem%5D=out"
      "&attribute%5Blights_out%5D=2";
  std::vector<std::string> ids;
  drive("POST /requests.json", server.port, clients, seconds, rate, server.pid,
        [&](Conn& c) {
          return "POST /open311/v2/requests.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\nIdempotency-Key: load-" +
                 std::to_string(getpid()) + "-" + std::to_string(c.index) + "-" + std::to_string(c.seq++) +
                 "\r\nContent-Length: " + std::to_string(form.size()) + "\r\n\r\n" + form;
        },
        [&](int status, const std::string& body) {
          if (status != 201) return false;
          size_t at = body.find("\"service_request_id\":\"");
          if (at != std::string::npos && ids.size() < 20000)
            ids.push_back(body.substr(at + 22, body.find('"', at + 22) - at - 22));
          return true;
        });
  if (ids.size() < static_cast<size_t>(batch)) {
    std::fprintf(stderr, "too few tickets for the read phase\n");
  } else {
    drive("GET /requests.json (batches of ids)", server.port, clients, seconds, read_rate, server.pid,
          [&](Conn& c) {
            size_t start = (static_cast<size_t>(c.index) * 7919 + static_cast<size_t>(c.seq++) * batch) %
                           (ids.size() - static_cast<size_t>(batch) + 1);
            std::string q;
            for (int i = 0; i < batch; ++i) q += (i ? "," : "") + ids[start + static_cast<size_t>(i)];
            return "GET /open311/v2/requests.json?service_request_id=" + q + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
          },
          [](int status, const std::string&) { return status == 200; });
  }
  if (server.pid > 0) {
    kill(server.pid, SIGTERM);
    waitpid(server.pid, nullptr, 0);
    std::error_code ec;
    std::filesystem::remove_all(server.dir, ec);
  }
  return 0;
}
