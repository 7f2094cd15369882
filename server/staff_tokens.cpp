// server/staff_tokens.cpp — see staff_tokens.hpp.
#include "server/staff_tokens.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/crypto/encoding.hpp"
#include "core/crypto/hash.hpp"
#include "server/util.hpp"

namespace civic::server {

namespace {
// Only this digest is stored (core/crypto's token hash), never the token.
std::string digest(const std::string& token) { return crypto::to_hex(crypto::token_hash(token)); }
}  // namespace

std::string staff_token_path(const std::string& db_path) {
  std::filesystem::path p(db_path);
  return (p.parent_path().empty() ? std::filesystem::path(".") : p.parent_path()).append("staff-token").string();
}

std::string create_staff_token(Db& db, const std::string& department, const std::string& label) {
  std::string token = "cst_" + random_token(24);
  auto guard = db.lock();
  Stmt s(db.handle(), "INSERT INTO staff_tokens (hash, department, label, created_at) VALUES (?, ?, ?, ?)");
  s.bind(1, digest(token)).bind(2, department).bind(3, label).bind(4, now_seconds());
  s.step();
  return s.done_ok() ? token : std::string();
}

std::optional<std::string> staff_department(Db& db, const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  auto guard = db.lock();
  Stmt s(db.handle(), "SELECT department FROM staff_tokens WHERE hash = ?");
  s.bind(1, digest(token));
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::string ensure_dev_staff_token(Db& db, const std::string& db_path, std::string& token) {
  const std::string path = staff_token_path(db_path);
  std::ifstream in(path);
  if (in) {
    std::getline(in, token);
    if (token.empty()) return path + ": empty";
    auto guard = db.lock();
    Stmt s(db.handle(),
           "INSERT OR IGNORE INTO staff_tokens (hash, department, label, created_at) VALUES (?, '*', 'dev', ?)");
    s.bind(1, digest(token)).bind(2, now_seconds());
    s.step();
    return s.done_ok() ? std::string() : s.error();
  }
  token = create_staff_token(db, "*", "dev");
  if (token.empty()) return "cannot store the staff token: " + db.last_error();
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return path + ": " + std::strerror(errno);
  std::string line = token + "\n";
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  return ok ? std::string() : path + ": write failed";
}

}  // namespace civic::server
