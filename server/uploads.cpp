// server/uploads.cpp — resumable media uploads, tus 1.0.0 core + creation +
// checksum (https://tus.io/protocols/resumable-upload), under --media DIR:
//   POST  /open311/v2/uploads          Upload-Length, Upload-Metadata (filetype, sha256) → 201 Location
//   HEAD  /open311/v2/uploads/{id}     Upload-Offset, Upload-Length
//   PATCH /open311/v2/uploads/{id}     Upload-Offset + application/offset+octet-stream
//                                      [Upload-Checksum: sha256 <b64>] → 204 Upload-Offset
//                                      (or POST + X-HTTP-Method-Override: PATCH, see transport.cpp)
//   GET   /open311/v2/uploads/{id}     the finished file (what media_url points to)
// Limits: files up to kMaxUploadBytes, types from core/forms' attachment
// list only, each PATCH at most Options::max_body; ids are 32 hex digits made
// here, so a name from outside never reaches the file system. A finished
// upload whose bytes do not match the sha256 announced at creation is
// deleted (460). State lives in the folder: ID.part (bytes so far, offset =
// its size) and ID.meta (length, type, hash); ID.done when complete.
// Content (core/media/upload_check.hpp, SECURITY.md row 9): the first chunk
// must carry the declared type's magic bytes (415 at once); a finished file
// must be that type and nothing else — no data after its end, no script in
// its metadata — or it is deleted with every trace of the upload (415 for a
// type mismatch, 422 otherwise). A file name in the metadata ("filename" or
// "name") with a path, control characters or a leading dot is refused at
// creation (400); names are never used to store anything.
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>

#include "core/crypto/encoding.hpp"
#include "core/forms/schema.hpp"
#include "core/media/upload_check.hpp"
#include "server/router.hpp"

namespace civic::server {

namespace {

constexpr uint64_t kMaxUploadBytes = 20u << 20;  // core/forms FormOptions::max_attachment_bytes
constexpr const char* kTus = "1.0.0";
std::mutex g_uploads_mutex;   // one writer at a time per folder: appends are short

struct Meta {
  uint64_t length = 0;
  std::string type;
  std::string sha256_b64;   // "" when not announced
};

bool is_upload_id(const std::string& id) {
  if (id.size() != 32) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string path_of(const Context& ctx, const std::string& id, const char* ext) {
  return ctx.options.media + "/" + id + ext;
}

bool read_meta(const Context& ctx, const std::string& id, Meta& m) {
  std::ifstream in(path_of(ctx, id, ".meta"));
  return static_cast<bool>(in >> m.length >> m.type) && (in >> m.sha256_b64 || true);
}

uint64_t size_of(const std::string& path) {
  struct stat st{};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

std::optional<uint64_t> parse_u64(const std::string& s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

// Upload-Metadata: "key b64,key b64,key" (tus 1.0.0 §Upload-Metadata).
std::map<std::string, std::string> parse_metadata(const std::string& header, bool& ok) {
  std::map<std::string, std::string> out;
  ok = header.size() <= 4096;
  size_t pos = 0;
  while (ok && pos < header.size()) {
    size_t comma = header.find(',', pos);
    if (comma == std::string::npos) comma = header.size();
    std::string pair = header.substr(pos, comma - pos);
    while (!pair.empty() && pair.front() == ' ') pair.erase(0, 1);
    size_t space = pair.find(' ');
    std::string key = pair.substr(0, space);
    std::string value;
    if (space != std::string::npos) {
      auto bytes = crypto::from_base64(pair.substr(space + 1), key);
      if (!bytes) ok = false;
      else value.assign(bytes->begin(), bytes->end());
    }
    if (key.empty()) ok = false;
    out[key] = value;
    pos = comma + 1;
  }
  return out;
}

HttpResponse tus_error(const HttpRequest& req, int status, std::string_view id,
                       const std::map<std::string, std::string>& params = {}) {
  HttpResponse r = error_response(req, status, id, params);
  r.set_header("Tus-Resumable", kTus);
  return r;
}

bool allowed_type(const std::string& type) {
  for (const auto& t : forms::FormOptions{}.attachment_types)
    if (t == type) return true;
  return false;
}

// Removes every trace of an upload whose content is refused: nothing is stored.
void discard(const Context& ctx, const std::string& id) {
  std::error_code ec;
  for (const char* ext : {".part", ".meta", ".done"}) std::filesystem::remove(path_of(ctx, id, ext), ec);
}

HttpResponse refuse_content(const Context& ctx, const HttpRequest& req, const std::string& id, const Error& e) {
  discard(ctx, id);
  std::cerr << "civic-server: upload " << id << " refused: " << e.id << " (" << e.detail << ")" << std::endl;
  return tus_error(req, e.id == "security.upload_type_mismatch" ? 415 : 422, e.id, e.params);
}

HttpResponse create(Context& ctx, const HttpRequest& req, const Captures&) {
  if (req.header("tus-resumable") != kTus) return tus_error(req, 412, "server.tus_version");
  auto length = parse_u64(req.header("upload-length"));
  if (!length) return tus_error(req, 400, "server.tus_bad_header", {{"header", "Upload-Length"}});
  if (*length > kMaxUploadBytes)
    return tus_error(req, 413, "server.body_too_large", {{"limit", std::to_string(kMaxUploadBytes)}});
  bool ok = true;
  auto meta = parse_metadata(req.header("upload-metadata"), ok);
  if (!ok) return tus_error(req, 400, "server.tus_bad_header", {{"header", "Upload-Metadata"}});
  Meta m;
  m.length = *length;
  m.type = meta["filetype"];
  if (!allowed_type(m.type)) return tus_error(req, 415, "server.upload_type", {{"type", m.type.substr(0, 64)}});
  for (const char* key : {"filename", "name"})
    if (meta.count(key))
      if (auto bad = media::check_upload_name(meta[key])) return tus_error(req, 400, bad->id, bad->params);
  if (meta.count("sha256")) {
    if (meta["sha256"].size() != crypto_hash_sha256_BYTES)
      return tus_error(req, 400, "server.tus_bad_header", {{"header", "Upload-Metadata sha256"}});
    m.sha256_b64 = crypto::to_base64(crypto::as_bytes(meta["sha256"]));
  }
  std::string id = random_token(16);
  {
    std::lock_guard lock(g_uploads_mutex);
    std::ofstream(path_of(ctx, id, ".part"), std::ios::binary).flush();
    std::ofstream out(path_of(ctx, id, ".meta"));
    out << m.length << ' ' << m.type << ' ' << m.sha256_b64 << '\n';
    if (!out.flush()) return tus_error(req, 500, "server.internal");
  }
  HttpResponse r;
  r.status = 201;
  r.content_type.clear();
  r.set_header("Tus-Resumable", kTus);
  r.set_header("Location", endpoint_base(req, ctx.options) + "uploads/" + id);
  r.set_header("Upload-Offset", "0");
  return r;
}

// HEAD: where the upload stands. GET: the finished file.
HttpResponse read(Context& ctx, const HttpRequest& req, const Captures& caps) {
  const std::string& id = caps[0];
  Meta m;
  if (!is_upload_id(id) || !read_meta(ctx, id, m)) return tus_error(req, 404, "server.not_found", {{"what", "upload"}});
  bool done = std::filesystem::exists(path_of(ctx, id, ".done"));
  HttpResponse r;
  if (req.method == "HEAD") {
    r.status = 200;
    r.content_type.clear();
    r.set_header("Tus-Resumable", kTus);
    r.set_header("Upload-Offset", std::to_string(done ? m.length : size_of(path_of(ctx, id, ".part"))));
    r.set_header("Upload-Length", std::to_string(m.length));
    r.set_header("Cache-Control", "no-store");
    return r;
  }
  if (!done) return tus_error(req, 404, "server.not_found", {{"what", "upload"}});
  r.content_type = m.type;
  r.file_path = path_of(ctx, id, ".done");
  r.set_header("Cache-Control", "private, max-age=86400");
  return r;
}

HttpResponse append(Context& ctx, const HttpRequest& req, const Captures& caps) {
  const std::string& id = caps[0];
  if (req.header("tus-resumable") != kTus) return tus_error(req, 412, "server.tus_version");
  if (req.header("content-type") != "application/offset+octet-stream")
    return tus_error(req, 415, "server.upload_type", {{"type", req.header("content-type").substr(0, 64)}});
  auto offset = parse_u64(req.header("upload-offset"));
  if (!offset) return tus_error(req, 400, "server.tus_bad_header", {{"header", "Upload-Offset"}});
  std::string checksum = req.header("upload-checksum");
  if (!checksum.empty()) {
    if (checksum.rfind("sha256 ", 0) != 0) return tus_error(req, 400, "server.tus_checksum_algorithm");
    auto want = crypto::from_base64(checksum.substr(7), "Upload-Checksum", crypto_hash_sha256_BYTES);
    unsigned char got[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(got, reinterpret_cast<const unsigned char*>(req.body.data()), req.body.size());
    if (!want || sodium_memcmp(want->data(), got, sizeof got) != 0) return tus_error(req, 460, "server.tus_checksum");
  }
  std::lock_guard lock(g_uploads_mutex);
  Meta m;
  if (!is_upload_id(id) || !read_meta(ctx, id, m)) return tus_error(req, 404, "server.not_found", {{"what", "upload"}});
  std::string part = path_of(ctx, id, ".part");
  if (std::filesystem::exists(path_of(ctx, id, ".done")) || *offset != size_of(part))
    return tus_error(req, 409, "server.tus_offset");
  if (*offset + req.body.size() > m.length)
    return tus_error(req, 413, "server.body_too_large", {{"limit", std::to_string(m.length)}});
  if (*offset == 0 && !req.body.empty() && (req.body.size() >= 16 || req.body.size() == m.length))
    if (auto bad = media::check_upload_magic(m.type, crypto::as_bytes(req.body))) return refuse_content(ctx, req, id, *bad);
  {
    std::FILE* f = std::fopen(part.c_str(), "ab");
    bool ok = f && std::fwrite(req.body.data(), 1, req.body.size(), f) == req.body.size();
    if (f) ok = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0 && ok, std::fclose(f);
    if (!ok) return tus_error(req, 500, "server.internal");
  }
  uint64_t now_at = *offset + req.body.size();
  if (now_at == m.length) {
    if (!m.sha256_b64.empty()) {
      std::ifstream in(part, std::ios::binary);
      crypto_hash_sha256_state st;
      crypto_hash_sha256_init(&st);
      char buf[65536];
      while (in.read(buf, sizeof buf) || in.gcount() > 0)
        crypto_hash_sha256_update(&st, reinterpret_cast<unsigned char*>(buf), static_cast<unsigned long long>(in.gcount()));
      unsigned char got[crypto_hash_sha256_BYTES];
      crypto_hash_sha256_final(&st, got);
      if (crypto::to_base64(crypto::ByteView(got, sizeof got)) != m.sha256_b64) {
        std::filesystem::resize_file(part, 0);  // start again: the bytes are not the announced file
        return tus_error(req, 460, "server.tus_checksum");
      }
    }
    {
      std::ifstream in(part, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (bytes.size() != m.length) return tus_error(req, 500, "server.internal");
      if (auto bad = media::check_upload_content(m.type, crypto::as_bytes(bytes))) return refuse_content(ctx, req, id, *bad);
    }
    std::filesystem::rename(part, path_of(ctx, id, ".done"));
  }
  HttpResponse r;
  r.status = 204;
  r.content_type.clear();
  r.set_header("Tus-Resumable", kTus);
  r.set_header("Upload-Offset", std::to_string(now_at));
  return r;
}

}  // namespace

void add_upload_routes(Router& r) {
  r.add("POST", "/open311/v2/uploads", create);
  r.add("GET", "/open311/v2/uploads/{}", read);
  r.add("PATCH", "/open311/v2/uploads/{}", append);
}

}  // namespace civic::server
