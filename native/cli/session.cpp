// native/cli/session.cpp — see session.hpp.
#include "native/cli/session.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "native/common/outbox_store.hpp"

namespace civic::cli {

namespace {
constexpr std::size_t kMaxSessionFile = 16u << 10;
using json = nlohmann::json;

std::string str(const json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

std::string session_path(const Context& ctx) { return ctx.data_dir + "/session.json"; }

std::optional<Session> load_session(const Context& ctx) {
  std::ifstream in(session_path(ctx), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.size() > kMaxSessionFile) return std::nullopt;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  auto v = j.find("civic_session");
  auto exp = j.find("expires_at");
  if (v == j.end() || !v->is_number_integer() || v->get<int>() != 1) return std::nullopt;
  if (exp == j.end() || !exp->is_number_integer()) return std::nullopt;
  Session s{str(j, "server"), str(j, "access_token"), str(j, "account_id"), str(j, "phone"), exp->get<std::int64_t>()};
  if (s.server != ctx.server || s.access_token.empty()) return std::nullopt;
  return s;
}

Result<bool> save_session(const Context& ctx, const Session& s) {
  std::error_code ec;
  std::filesystem::create_directories(ctx.data_dir, ec);
  json j = {{"civic_session", 1},          {"server", s.server}, {"access_token", s.access_token},
            {"account_id", s.account_id}, {"phone", s.phone},   {"expires_at", s.expires_at}};
  return native::write_file_durably(session_path(ctx), j.dump(2) + "\n");  // created 0600
}

std::string session_authorization(const Context& ctx) {
  auto s = load_session(ctx);
  if (!s || s->expires_at <= static_cast<std::int64_t>(std::time(nullptr))) return {};
  return "Bearer " + s->access_token;
}

bool wipe_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      std::string zeros(4096, '\0');
      for (off_t done = 0; done < st.st_size;) {
        std::size_t n = static_cast<std::size_t>(std::min<off_t>(st.st_size - done, 4096));
        ssize_t w = ::write(fd, zeros.data(), n);
        if (w <= 0) break;
        done += w;
      }
      ::fsync(fd);
    }
    ::close(fd);
  }
  return ::unlink(path.c_str()) == 0 || errno == ENOENT;
}

}  // namespace civic::cli
