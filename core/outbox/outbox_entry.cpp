// core/outbox/outbox_entry.cpp — keys, the checksummed record format, recovery.
#include "core/outbox/outbox_entry.hpp"

#include <sodium.h>

#include <array>
#include <nlohmann/json.hpp>

#include "core/crypto/random.hpp"

namespace civic::outbox {

namespace {

using json = nlohmann::json;
constexpr std::string_view kMagic = "civic-outbox 1 ";
constexpr std::size_t kHeaderBytes = kMagic.size() + 64 + 1;
constexpr std::size_t kMaxKeyBytes = 128;

struct StateRow {
  EntryState state;
  std::string_view name;
  std::string_view message;
};
constexpr std::array<StateRow, 5> kStates = {{
    {EntryState::queued, "queued", "outbox.state.queued"},
    {EntryState::uploading, "uploading", "outbox.state.uploading"},
    {EntryState::sending, "sending", "outbox.state.sending"},
    {EntryState::delivered, "delivered", "outbox.state.delivered"},
    {EntryState::failed_needs_input, "failed_needs_input", "outbox.state.failed_needs_input"},
}};

std::string hex_digest(std::string_view body) {
  unsigned char d[32];
  crypto_generichash(d, sizeof d, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, d, sizeof d);
  return std::string(hex, 64);
}

Error corrupt(std::string what) { return make_error("outbox.corrupt", std::move(what)); }

// Checked readers over a parsed record: a wrong kind sets ok = false.
struct Reader {
  bool ok = true;
  std::string where;
  const json* field(const json& o, const char* k) {
    auto it = o.find(k);
    return it == o.end() || it->is_null() ? nullptr : &*it;
  }
  std::string str(const json& o, const char* k, std::size_t max = kMaxEntryBytes) {
    const json* v = field(o, k);
    if (!v) return {};
    if (!v->is_string() || v->get_ref<const std::string&>().size() > max) {
      fail(k);
      return {};
    }
    return v->get<std::string>();
  }
  std::int64_t i64(const json& o, const char* k) {
    const json* v = field(o, k);
    if (!v) return 0;
    if (v->is_number_unsigned() && v->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX))
      return static_cast<std::int64_t>(v->get<std::uint64_t>());
    if (v->is_number_integer()) return v->get<std::int64_t>();
    fail(k);
    return 0;
  }
  std::uint64_t u64(const json& o, const char* k) {
    std::int64_t v = i64(o, k);
    if (v < 0) fail(k);
    return v < 0 ? 0 : static_cast<std::uint64_t>(v);
  }
  bool boolean(const json& o, const char* k, bool fallback) {
    const json* v = field(o, k);
    if (!v) return fallback;
    if (!v->is_boolean()) {
      fail(k);
      return fallback;
    }
    return v->get<bool>();
  }
  void fail(std::string_view k) {
    if (ok) where = std::string(k);
    ok = false;
  }
};

}  // namespace

bool OutboxEntry::operator==(const OutboxEntry& o) const {
  auto err_eq = [](const std::optional<Error>& a, const std::optional<Error>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->id == b->id && a->params == b->params && a->detail == b->detail);
  };
  return key == o.key && created_at == o.created_at && service_code == o.service_code && title == o.title &&
         form == o.form && media == o.media && state == o.state && attempts == o.attempts &&
         next_attempt_ms == o.next_attempt_ms && service_request_id == o.service_request_id && token == o.token &&
         err_eq(last_error, o.last_error);
}

std::string_view state_name(EntryState s) {
  for (const auto& r : kStates)
    if (r.state == s) return r.name;
  return "queued";
}

std::string_view state_message_id(EntryState s) {
  for (const auto& r : kStates)
    if (r.state == s) return r.message;
  return "outbox.state.queued";
}

std::string new_idempotency_key() { return crypto::random_idempotency_key(); }

bool is_valid_key(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyBytes) return false;
  for (char c : key) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

OutboxEntry make_entry(std::string service_code, std::string title, api::Params form, std::int64_t now) {
  OutboxEntry e;
  e.key = new_idempotency_key();
  e.created_at = now;
  e.service_code = std::move(service_code);
  e.title = std::move(title);
  e.form = std::move(form);
  return e;
}

MediaItem make_media_item(std::string path, std::string content_type, std::string_view bytes) {
  MediaItem m;
  m.path = std::move(path);
  m.content_type = std::move(content_type);
  m.size = bytes.size();
  unsigned char d[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, d, sizeof d);
  m.sha256.assign(hex, 2 * crypto_hash_sha256_BYTES);
  return m;
}

std::string serialize_entry(const OutboxEntry& e) {
  json o = json::object();
  o["v"] = 1;
  o["key"] = e.key;
  o["created_at"] = e.created_at;
  o["service_code"] = e.service_code;
  o["title"] = e.title;
  json form = json::array();
  for (const auto& [k, v] : e.form) form.push_back(json::array({k, v}));
  o["form"] = std::move(form);
  json media = json::array();
  for (const auto& m : e.media) {
    media.push_back({{"path", m.path}, {"content_type", m.content_type}, {"size", m.size}, {"sha256", m.sha256},
                     {"upload_url", m.upload_url}, {"offset", m.offset}, {"offset_known", m.offset_known},
                     {"done", m.done}});
  }
  o["media"] = std::move(media);
  o["state"] = std::string(state_name(e.state));
  o["attempts"] = e.attempts;
  o["next_attempt_ms"] = e.next_attempt_ms;
  o["service_request_id"] = e.service_request_id;
  o["token"] = e.token;
  if (e.last_error) {
    json params = json::object();
    for (const auto& [k, v] : e.last_error->params) params[k] = v;
    o["error"] = {{"id", e.last_error->id}, {"detail", e.last_error->detail}, {"params", std::move(params)}};
  }
  // Bytes the resident typed may not be valid UTF-8 (a pasted fragment):
  // replace rather than abort, the server would refuse them anyway.
  return seal_record(o.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string seal_record(std::string_view body) {
  std::string out;
  out.reserve(kHeaderBytes + body.size());
  out += kMagic;
  out += hex_digest(body);
  out += '\n';
  out += body;
  return out;
}

Result<OutboxEntry> deserialize_entry(std::string_view bytes) {
  if (bytes.size() > kMaxEntryBytes) return corrupt("too large");
  if (bytes.size() < kHeaderBytes || bytes.substr(0, kMagic.size()) != kMagic || bytes[kHeaderBytes - 1] != '\n')
    return corrupt("header");
  std::string_view body = bytes.substr(kHeaderBytes);
  if (hex_digest(body) != bytes.substr(kMagic.size(), 64)) return corrupt("checksum");
  json o = json::parse(body.begin(), body.end(), nullptr, false);
  if (o.is_discarded() || !o.is_object()) return corrupt("json");
  Reader r;
  OutboxEntry e;
  if (r.i64(o, "v") != 1) return corrupt("version");
  e.key = r.str(o, "key", kMaxKeyBytes);
  if (!is_valid_key(e.key)) return corrupt("key");
  e.created_at = r.i64(o, "created_at");
  e.service_code = r.str(o, "service_code", 1024);
  e.title = r.str(o, "title", 4096);
  const json* form = r.field(o, "form");
  if (form) {
    if (!form->is_array() || form->size() > kMaxFormFields) return corrupt("form");
    for (const auto& pair : *form) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) return corrupt("form");
      e.form.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
  }
  const json* media = r.field(o, "media");
  if (media) {
    if (!media->is_array() || media->size() > kMaxMedia) return corrupt("media");
    for (const auto& m : *media) {
      if (!m.is_object()) return corrupt("media");
      MediaItem item;
      item.path = r.str(m, "path", 4096);
      item.content_type = r.str(m, "content_type", 256);
      item.size = r.u64(m, "size");
      item.sha256 = r.str(m, "sha256", 64);
      item.upload_url = r.str(m, "upload_url", 4096);
      item.offset = r.u64(m, "offset");
      item.offset_known = r.boolean(m, "offset_known", true);
      item.done = r.boolean(m, "done", false);
      if (item.offset > item.size) r.fail("media.offset");
      e.media.push_back(std::move(item));
    }
  }
  std::string state = r.str(o, "state", 64);
  bool known = false;
  for (const auto& row : kStates)
    if (row.name == state) {
      e.state = row.state;
      known = true;
    }
  if (!known) return corrupt("state");
  std::int64_t attempts = r.i64(o, "attempts");
  if (attempts < 0 || attempts > 1000000) r.fail("attempts");
  e.attempts = static_cast<std::uint32_t>(attempts < 0 ? 0 : attempts);
  e.next_attempt_ms = r.i64(o, "next_attempt_ms");
  e.service_request_id = r.str(o, "service_request_id", 256);
  e.token = r.str(o, "token", 256);
  if (const json* err = r.field(o, "error")) {
    if (!err->is_object()) return corrupt("error");
    Error x;
    x.id = r.str(*err, "id", 256);
    x.detail = r.str(*err, "detail", 64u << 10);
    if (const json* params = r.field(*err, "params")) {
      if (!params->is_object() || params->size() > 64) return corrupt("error.params");
      for (auto it = params->begin(); it != params->end(); ++it) {
        if (!it->is_string()) return corrupt("error.params");
        x.params[it.key()] = it->get<std::string>();
      }
    }
    e.last_error = std::move(x);
  }
  if (!r.ok) return corrupt(r.where);
  return e;
}

void recover_after_restart(OutboxEntry& e) {
  if (e.state == EntryState::uploading || e.state == EntryState::sending) e.state = EntryState::queued;
  for (auto& m : e.media)
    if (!m.done && !m.upload_url.empty()) m.offset_known = false;
}

}  // namespace civic::outbox
