// server/signin_delivery.cpp — see signin_delivery.hpp.
#include "server/signin_delivery.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace civic::server {

std::string run_sms_command(const std::string& program, const std::string& phone, const std::string& code,
                            int ttl_seconds, const std::string& lang) {
  std::vector<std::string> env = {"CIVIC_SIGNIN_PHONE=" + phone, "CIVIC_SIGNIN_CODE=" + code,
                                  "CIVIC_SIGNIN_TTL=" + std::to_string(ttl_seconds), "CIVIC_SIGNIN_LANG=" + lang};
  for (const char* keep : {"PATH", "LANG", "HOME"})
    if (const char* v = std::getenv(keep)) env.push_back(std::string(keep) + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string prog = program;
  char* argv[] = {prog.data(), nullptr};

  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // The server blocks SIGINT/SIGTERM in every thread (main.cpp); the child
  // must not inherit that mask.
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, prog.c_str(), &fa, &attr, argv, envp.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  for (auto& e : env) std::fill(e.begin(), e.end(), '\0');  // the code leaves memory
  if (rc != 0) return program + ": " + std::strerror(rc);

  int status = 0;
  for (int waited_ms = 0;; waited_ms += 20) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) return program + ": " + std::strerror(errno);
    if (waited_ms >= kSmsTimeoutSeconds * 1000) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return program + ": no answer within " + std::to_string(kSmsTimeoutSeconds) + " s";
    }
    struct timespec ts{0, 20 * 1000 * 1000};
    nanosleep(&ts, nullptr);
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  if (WIFEXITED(status)) return program + ": exit status " + std::to_string(WEXITSTATUS(status));
  return program + ": killed by signal " + std::to_string(WTERMSIG(status));
}

}  // namespace civic::server
