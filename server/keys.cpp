// server/keys.cpp — see keys.hpp.
#include "server/keys.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/i18n/messages.hpp"
#include "server/security_vault.hpp"

namespace civic::server {

namespace {
constexpr size_t kMaxKeyFile = 4096;

bool read_file(const std::string& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[512];
  out.clear();
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0 && out.size() < kMaxKeyFile) out.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return n >= 0;
}

// Creates path exclusively with mode 0600 and syncs it.
bool write_private(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

template <class Pair, class Make, class Parse>
std::string load_or_make(const std::string& path, Pair& out, Make make, Parse parse) {
  std::string text;
  if (read_file(path, text)) {
    auto r = parse(text);
    if (!r) return path + ": " + explain(Lang::en, r.error());
    out = std::move(r.value());
    return {};
  }
  out = make();
  if (!write_private(path, crypto::encode_key_file(out))) return path + ": cannot create: " + std::strerror(errno);
  return {};
}
}  // namespace

std::string load_or_create_keys(const std::string& dir, ServerKeys& k) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return dir + ": " + std::strerror(errno);
  std::string err = load_or_make(dir + "/receipt_ed25519.key", k.sign, crypto::make_signing_keypair,
                                 crypto::parse_signing_key_file);
  if (err.empty())
    err = load_or_make(dir + "/sealing_x25519.key", k.seal, crypto::make_sealing_keypair,
                       crypto::parse_sealing_key_file);
  if (err.empty()) err = load_or_create_personal_key(dir);  // security: personal fields at rest
  if (!err.empty()) return err;
  k.sign_key_id = crypto::key_id(k.sign.public_key);
  k.seal_key_id = crypto::key_id(k.seal.public_key);
  k.seal_certificate = crypto::certify_sealing_key(k.sign, k.seal.public_key);
  return {};
}

}  // namespace civic::server
