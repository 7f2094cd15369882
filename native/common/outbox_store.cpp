// native/common/outbox_store.cpp — see outbox_store.hpp.
#include "native/common/outbox_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace civic::native {

namespace fs = std::filesystem;

namespace {

Error storage_error(const std::string& path, const char* what) {
  return make_error("outbox.storage", std::string(what) + ": " + std::strerror(errno), {{"path", path}});
}

bool fsync_dir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::string read_all(const std::string& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::string s;
  char buf[65536];
  while (in && s.size() <= limit) {
    in.read(buf, sizeof buf);
    s.append(buf, static_cast<std::size_t>(in.gcount()));
  }
  return s;
}

}  // namespace

Result<bool> write_file_durably(const std::string& path, const std::string& bytes) {
  fs::path p(path);
  std::string dir = p.parent_path().string();
  std::string tmp = dir + "/." + p.filename().string() + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return storage_error(tmp, "open");
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      Error e = storage_error(tmp, "write");
      ::close(fd);
      ::unlink(tmp.c_str());
      return e;
    }
    done += static_cast<std::size_t>(w);
  }
  if (::fsync(fd) != 0) {
    Error e = storage_error(tmp, "fsync");
    ::close(fd);
    ::unlink(tmp.c_str());
    return e;
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Error e = storage_error(path, "rename");
    ::unlink(tmp.c_str());
    return e;
  }
  if (!fsync_dir(dir)) return storage_error(dir, "fsync dir");
  return true;
}

OutboxStore::OutboxStore(std::string data_dir) : data_dir_(std::move(data_dir)), dir_(data_dir_ + "/outbox") {
  std::error_code ec;
  fs::create_directories(dir_ + "/corrupt", ec);
  fs::create_directories(data_dir_ + "/tickets", ec);
}

OutboxStore::~OutboxStore() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // closing releases the flock
}

bool OutboxStore::try_lock() {
  if (lock_fd_ >= 0) return true;
  int fd = ::open((dir_ + "/.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return false;
  }
  lock_fd_ = fd;
  return true;
}

Result<bool> OutboxStore::save(const outbox::OutboxEntry& e) {
  if (!outbox::is_valid_key(e.key)) return make_error("outbox.storage", "bad key", {{"path", e.key}});
  return write_file_durably(dir_ + "/" + e.key + ".entry", outbox::serialize_entry(e));
}

std::string OutboxStore::media_dir(const std::string& key) const { return dir_ + "/media/" + key; }

Result<std::string> OutboxStore::save_media(const std::string& key, int index, const std::string& ext,
                                            const std::string& bytes) {
  if (!outbox::is_valid_key(key)) return make_error("outbox.storage", "bad key", {{"path", key}});
  std::error_code ec;
  fs::create_directories(media_dir(key), ec);
  if (ec) return make_error("outbox.storage", ec.message(), {{"path", media_dir(key)}});
  fsync_dir(dir_ + "/media");
  std::string path = media_dir(key) + "/" + std::to_string(index) + ext;
  auto w = write_file_durably(path, bytes);
  if (!w) return w.error();
  return path;
}

Result<bool> OutboxStore::save_record(const std::string& key, const std::string& bytes) {
  if (!outbox::is_valid_key(key)) return make_error("outbox.storage", "bad key", {{"path", key}});
  if (!record_key_) return write_file_durably(dir_ + "/" + key + ".entry", bytes);
  auto sealed = crypto::encrypt_field(*record_key_, crypto::as_bytes(bytes), key);
  if (!sealed) return sealed.error();
  return write_file_durably(dir_ + "/" + key + ".entry", std::string(crypto::as_text(*sealed)));
}

Result<crypto::DataKey> load_or_make_key_file(const std::string& path) {
  const std::string existing = read_all(path, 4096);
  if (!existing.empty()) return crypto::parse_data_key_file(existing);
  crypto::DataKey key = crypto::make_data_key();
  std::string text = crypto::encode_data_key_file(key);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  const bool ok = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  const int err = errno;
  if (fd >= 0) ::close(fd);
  crypto::wipe(text);
  if (!ok) return make_error("outbox.storage", std::string("key file: ") + std::strerror(err), {{"path", path}});
  return key;
}

std::vector<std::string> OutboxStore::load_records() {
  std::vector<std::pair<fs::file_time_type, std::string>> files;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(dir_, ec)) {
    const std::string name = item.path().filename().string();
    if (!item.is_regular_file() || name.size() < 7 || name.substr(name.size() - 6) != ".entry" || name[0] == '.')
      continue;
    files.emplace_back(item.last_write_time(ec), item.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& [t, path] : files) {
    std::string bytes = read_all(path, outbox::kMaxEntryBytes + 64);
    if (record_key_) {
      const std::string name = fs::path(path).stem().string();
      if (auto plain = crypto::decrypt_field(*record_key_, crypto::as_bytes(bytes), name))
        bytes.assign(crypto::as_text(*plain));
    }
    out.push_back(std::move(bytes));
  }
  return out;
}

Result<bool> OutboxStore::remove(const std::string& key) {
  if (!outbox::is_valid_key(key)) return make_error("outbox.storage", "bad key", {{"path", key}});
  std::string path = dir_ + "/" + key + ".entry";
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return storage_error(path, "unlink");
  fsync_dir(dir_);
  // Its media (media_dir(key)/…) go with it, after the record: a kill in
  // between leaves orphan bytes, never a record without its bytes.
  std::error_code ec;
  fs::remove_all(media_dir(key), ec);
  return true;
}

std::vector<outbox::OutboxEntry> OutboxStore::load_all(std::vector<std::string>* set_aside) {
  std::vector<outbox::OutboxEntry> out;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(dir_, ec)) {
    const std::string name = item.path().filename().string();
    if (!item.is_regular_file() || name.size() < 7 || name.substr(name.size() - 6) != ".entry" || name[0] == '.')
      continue;
    auto e = outbox::deserialize_entry(read_all(item.path().string(), outbox::kMaxEntryBytes));
    if (!e || e.value().key + ".entry" != name) {
      fs::rename(item.path(), fs::path(dir_) / "corrupt" / name, ec);
      if (set_aside) set_aside->push_back(name);
      continue;
    }
    outbox::OutboxEntry entry = std::move(e).value();
    outbox::recover_after_restart(entry);
    out.push_back(std::move(entry));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.created_at != b.created_at ? a.created_at < b.created_at : a.key < b.key;
  });
  return out;
}

Result<bool> OutboxStore::remember_ticket(const outbox::OutboxEntry& d) {
  std::string id = d.service_request_id.empty() ? d.token : d.service_request_id;
  bool safe = !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
  if (!safe) return make_error("outbox.storage", "ticket id not usable as a file name", {{"path", id}});
  nlohmann::json j = {{"service_request_id", d.service_request_id}, {"token", d.token}, {"idempotency_key", d.key},
                      {"service_code", d.service_code}, {"title", d.title}, {"created_at", d.created_at}};
  return write_file_durably(data_dir_ + "/tickets/" + id + ".json", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

std::vector<std::string> OutboxStore::remembered_tickets() {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(data_dir_ + "/tickets", ec)) {
    std::string name = item.path().filename().string();
    if (name.size() > 5 && name.substr(name.size() - 5) == ".json" && name[0] != '.')
      ids.push_back(name.substr(0, name.size() - 5));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace civic::native
