// native/kiosk/session_guard.cpp — see session_guard.hpp.
#include "native/kiosk/session_guard.hpp"

#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <thread>

namespace civic::kiosk {

namespace {
volatile sig_atomic_t g_child = 0;

void forward(int sig) {
  if (g_child > 0) ::kill(static_cast<pid_t>(g_child), sig);
}
}  // namespace

KeySlot* make_shared_key_slot() {
  void* p = ::mmap(nullptr, sizeof(KeySlot), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  ::mlock(p, sizeof(KeySlot));
  ::madvise(p, sizeof(KeySlot), MADV_DONTDUMP);
  std::memset(p, 0, sizeof(KeySlot));
  return static_cast<KeySlot*>(p);
}

int supervise() {
  using Clock = std::chrono::steady_clock;
  std::deque<Clock::time_point> restarts;
  struct sigaction sa {};
  sa.sa_handler = forward;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) ::sigaction(sig, &sa, nullptr);
  for (;;) {
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t pid = ::fork();
    if (pid < 0) return -1;   // cannot fork: run the UI in this process
    if (pid == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      struct sigaction dfl {};
      dfl.sa_handler = SIG_DFL;
      for (int sig : {SIGTERM, SIGINT, SIGHUP}) ::sigaction(sig, &dfl, nullptr);
      if (::getppid() == 1) _exit(0);   // the parent is already gone
      return -1;
    }
    g_child = pid;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    g_child = 0;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    int sig = WTERMSIG(status);
    if (sig == SIGTERM || sig == SIGINT || sig == SIGHUP) return 128 + sig;   // asked to stop
    auto now = Clock::now();
    restarts.push_back(now);
    while (!restarts.empty() && now - restarts.front() > std::chrono::minutes(1)) restarts.pop_front();
    if (restarts.size() > 5) {
      std::fprintf(stderr, "civic-kiosk: the UI crashed %zu times in a minute (signal %d); giving up\n",
                   restarts.size(), sig);
      return 70;
    }
    std::fprintf(stderr, "civic-kiosk: the UI stopped (signal %d); restarting it\n", sig);
  }
}

}  // namespace civic::kiosk
