// server/security_vault.cpp — see security_vault.hpp.
#include "server/security_vault.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

#include "core/crypto/at_rest.hpp"
#include "core/crypto/encoding.hpp"
#include "core/i18n/messages.hpp"

namespace civic::server {

namespace {
constexpr std::string_view kPrefix = "cvf1:";
constexpr size_t kMaxKeyFile = 4096;

// Set once at start (before threads), read-only afterwards.
std::unique_ptr<crypto::DataKey>& vault_key() {
  static std::unique_ptr<crypto::DataKey> key;
  return key;
}

std::string binding(std::string_view ticket_id, std::string_view column) {
  return "requests." + std::string(column) + ":" + std::string(ticket_id);
}

bool read_small(const std::string& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[512];
  ssize_t n;
  out.clear();
  while ((n = ::read(fd, buf, sizeof buf)) > 0 && out.size() <= kMaxKeyFile) out.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return n >= 0;
}
}  // namespace

std::string load_or_create_personal_key(const std::string& keys_dir) {
  if (::mkdir(keys_dir.c_str(), 0700) != 0 && errno != EEXIST) return keys_dir + ": " + std::strerror(errno);
  const std::string path = keys_dir + "/personal_data.key";
  std::string text;
  if (read_small(path, text)) {
    auto key = crypto::parse_data_key_file(text);
    crypto::wipe(text);
    if (!key) return path + ": " + explain(Lang::en, key.error());
    vault_key() = std::make_unique<crypto::DataKey>(std::move(key.value()));
    return {};
  }
  if (errno != ENOENT) return path + ": " + std::strerror(errno);
  crypto::DataKey key = crypto::make_data_key();
  text = crypto::encode_data_key_file(key);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return path + ": cannot create: " + std::strerror(errno);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  crypto::wipe(text);
  if (!ok) return path + ": write failed";
  vault_key() = std::make_unique<crypto::DataKey>(std::move(key));
  return {};
}

bool personal_key_loaded() { return vault_key() != nullptr; }

std::string load_personal_key_beside(const std::string& db_path) {
  std::filesystem::path p(db_path);
  return load_or_create_personal_key(
      (p.parent_path().empty() ? std::filesystem::path(".") : p.parent_path()).append("keys").string());
}

bool is_sealed_column(std::string_view stored) { return stored.substr(0, kPrefix.size()) == kPrefix; }

std::string seal_personal_column(std::string_view ticket_id, std::string_view column, const std::string& value) {
  if (value.empty()) return {};
  if (!vault_key()) {
    std::cerr << "civic-server: no personal data key loaded; " << column << " of " << ticket_id << " not stored\n";
    return {};
  }
  auto sealed = crypto::encrypt_field(*vault_key(), crypto::as_bytes(value), binding(ticket_id, column));
  if (!sealed) return {};
  return std::string(kPrefix) + crypto::to_base64(sealed.value());
}

void open_personal_columns(Ticket& t) {
  std::pair<std::string*, const char*> columns[] = {
      {&t.first_name, "first_name"}, {&t.last_name, "last_name"}, {&t.phone, "phone"}, {&t.email, "email"}};
  for (auto& [value, column] : columns) {
    if (!is_sealed_column(*value)) continue;  // empty, or plaintext from before encryption at rest
    std::string opened;
    if (vault_key()) {
      auto raw = crypto::from_base64(std::string_view(*value).substr(kPrefix.size()), column);
      if (raw) {
        auto plain = crypto::decrypt_field(*vault_key(), raw.value(), binding(t.id, column));
        if (plain) {
          opened.assign(crypto::as_text(plain.value()));
          crypto::wipe(plain.value());
        }
      }
    }
    if (opened.empty())
      std::cerr << "civic-server: " << column << " of " << t.id << " does not open with the personal data key\n";
    *value = std::move(opened);
  }
}

}  // namespace civic::server
