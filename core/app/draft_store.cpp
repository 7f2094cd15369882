// core/app/draft_store.cpp — the draft as bytes and back, and when to save
// it (draft_store.hpp). Format v1 (JSON; the keys of the kiosk's sealed draft
// file before this moved into core, plus the service and its definition —
// a file without them is refused, since the form could not be rebuilt):
//   {"v":1, "lang":"zh-CN", "service":CODE, "service_name":…, "group":…,
//    "metadata":true, "definition":"<the definition's JSON text>",
//    "on_form":true, "fields":[{"id","text","keys","lat","lon","address",
//    "place_id","attachments":[{"name","mime","bytes"}]}],
//    "photos":[{"id","name","raw_bytes","stored","content_type","size",
//               "sha256","hash","width","height"[,"kind":"voice","duration_ms"]
//               [,"kind":"video"[,"duration_ms"]]}]}
//   (ready attachments only; "kind" absent is a photo, as before memos;
//   "video" came later in v1 — a draft saved before it reads the same — and
//   a video's "duration_ms" later still: absent reads as 0, not known)
#include "core/app/draft_store.hpp"

#include <nlohmann/json.hpp>

#include "core/api/parse.hpp"
#include "core/app/outbox_flow.hpp"
#include "core/app/state.hpp"
#include "core/app/video_flow.hpp"
#include "core/app/voice_flow.hpp"
#include "core/crypto/sodium.hpp"
#include "core/forms/form_state.hpp"

namespace civic::app {

namespace {

using json = nlohmann::json;

// Writing the concern: the form and the pages it leads to (the photo editor,
// "already reported nearby", the review). A reload there reopens the form.
bool editing(const State& s) {
  return s.screen == Screen::form || s.screen == Screen::review || s.screen == Screen::photo ||
         s.screen == Screen::nearby;
}

// A draft worth keeping: a form to restore, and either something typed or
// the resident still on it (a form opened and left untouched is no draft).
bool has_draft(const State& s) {
  const Draft& d = s.draft;
  if (d.service.code.empty() || d.phase != Phase::ready || d.form.fields.size() != d.schema.fields.size()) return false;
  if (editing(s)) return true;
  for (const auto& f : d.form.fields)
    if (f.touched) return true;
  return !d.attachments.empty();
}

Error bad(std::string detail) { return make_error("draft.bad", std::move(detail)); }

// Change detection only (is this what the shell already holds?): 64-bit
// FNV-1a, so State never keeps a second copy of what was typed and the web
// build links no cryptographic hash for it.
std::string digest_of(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = hex[h & 15];
  return out;
}

// A string member no longer than kMaxDraftString; absent is "".
bool get_str(const json& o, const char* key, std::string& out) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  const std::string& v = it->get_ref<const std::string&>();
  if (v.size() > kMaxDraftString) return false;
  out = v;
  return true;
}

bool get_bool(const json& o, const char* key, bool& out) {
  auto it = o.find(key);
  if (it == o.end()) return true;
  if (!it->is_boolean()) return false;
  out = it->get<bool>();
  return true;
}

bool parse_field(const json& o, StoredField& f) {
  if (!o.is_object()) return false;
  forms::FieldValue& v = f.value;
  if (!get_str(o, "id", f.id) || f.id.empty() || !get_str(o, "text", v.text) || !get_str(o, "lat", v.location.lat) ||
      !get_str(o, "lon", v.location.lon) || !get_str(o, "address", v.location.address) ||
      !get_str(o, "place_id", v.location.place_id))
    return false;
  if (auto k = o.find("keys"); k != o.end()) {
    if (!k->is_array() || k->size() > kMaxDraftFields) return false;
    for (const auto& x : *k) {
      if (!x.is_string() || x.get_ref<const std::string&>().size() > kMaxDraftString) return false;
      v.keys.push_back(x.get<std::string>());
    }
  }
  if (auto a = o.find("attachments"); a != o.end()) {
    if (!a->is_array() || a->size() > kMaxDraftAttachments) return false;
    for (const auto& x : *a) {
      if (!x.is_object()) return false;
      forms::Attachment att;
      if (!get_str(x, "name", att.name) || !get_str(x, "mime", att.mime)) return false;
      if (auto b = x.find("bytes"); b != x.end()) {
        if (!b->is_number_unsigned()) return false;
        att.bytes = b->get<std::uint64_t>();
      }
      v.attachments.push_back(std::move(att));
    }
  }
  return true;
}

// Photos ready to send (their compressed bytes are stored by the shell under
// `stored`); one still compressing is not kept: its job dies with the page.
json attachments_json(const Draft& d) {
  json out = json::array();
  for (const auto& a : d.attachments) {
    if (a.phase != AttachmentPhase::ready) continue;
    json o = {{"id", a.id}, {"name", a.name}, {"raw_bytes", a.raw_bytes}, {"stored", a.stored},
              {"content_type", a.content_type}, {"size", a.size}, {"sha256", a.sha256}, {"hash", a.hash},
              {"width", a.width}, {"height", a.height}};
    if (a.kind == AttachmentKind::voice) {
      o["kind"] = "voice";
      o["duration_ms"] = a.duration_ms;
    }
    if (a.kind == AttachmentKind::video) {
      o["kind"] = "video";
      if (a.duration_ms > 0) o["duration_ms"] = a.duration_ms;
    }
    out.push_back(std::move(o));
  }
  return out;
}

bool get_u64(const json& o, const char* key, std::uint64_t& out) {
  auto it = o.find(key);
  if (it == o.end()) return true;
  if (!it->is_number_unsigned()) return false;
  out = it->get<std::uint64_t>();
  return true;
}

bool parse_photo(const json& o, Attachment& a) {
  if (!o.is_object()) return false;
  std::uint64_t w = 0, h = 0;
  if (!get_str(o, "id", a.id) || !get_str(o, "name", a.name) || !get_str(o, "stored", a.stored) ||
      !get_str(o, "content_type", a.content_type) || !get_str(o, "sha256", a.sha256) || !get_str(o, "hash", a.hash) ||
      !get_u64(o, "raw_bytes", a.raw_bytes) || !get_u64(o, "size", a.size) || !get_u64(o, "width", w) ||
      !get_u64(o, "height", h) || a.id.empty() || a.stored.empty() || w > 100000 || h > 100000)
    return false;
  a.width = static_cast<int>(w);
  a.height = static_cast<int>(h);
  std::string kind;
  std::uint64_t duration = 0;
  if (!get_str(o, "kind", kind) || !get_u64(o, "duration_ms", duration)) return false;
  if (kind == "voice") {
    // A memo is kept as recorded: one id, an accepted audio type, the caps.
    a.kind = AttachmentKind::voice;
    if (a.stored != a.id || voice_content_type(a.content_type) != a.content_type || a.size == 0 ||
        a.size > kMaxVoiceBytes || duration > static_cast<std::uint64_t>(kMaxVoiceMs))
      return false;
    a.duration_ms = static_cast<std::int64_t>(duration);
  } else if (kind == "video") {
    // A video is kept as picked: one id, an accepted video type, the cap.
    a.kind = AttachmentKind::video;
    if (a.stored != a.id || video_content_type(a.content_type, "") != a.content_type || a.size == 0 ||
        a.size > kMaxVideoBytes || duration > kMaxVideoDurationMs)
      return false;
    a.duration_ms = static_cast<std::int64_t>(duration);
  } else if (!kind.empty() && kind != "photo") {
    return false;
  }
  a.phase = AttachmentPhase::ready;
  a.progress = 100;
  return true;
}

}  // namespace

std::string draft_bytes(const State& s) {
  if (!has_draft(s)) return {};
  const Draft& d = s.draft;
  json fields = json::array();
  for (size_t i = 0; i < d.form.fields.size(); ++i) {
    const auto& st = d.form.fields[i];
    if (!st.touched) continue;   // offered values (prefill, the hall) are offered again
    const auto& v = st.value;
    json f = {{"id", d.schema.fields[i].id}, {"text", v.text}, {"keys", v.keys}, {"lat", v.location.lat},
              {"lon", v.location.lon}, {"address", v.location.address}};
    if (!v.location.place_id.empty()) f["place_id"] = v.location.place_id;
    if (!v.attachments.empty()) {
      json atts = json::array();
      for (const auto& a : v.attachments) atts.push_back({{"name", a.name}, {"mime", a.mime}, {"bytes", a.bytes}});
      f["attachments"] = std::move(atts);
    }
    fields.push_back(std::move(f));
  }
  json j = {{"v", 1},
            {"lang", std::string(lang_tag(s.lang))},
            {"service", d.service.code},
            {"service_name", d.service.name},
            {"group", d.service.group},
            {"metadata", d.service.metadata},
            {"on_form", editing(s)},
            {"fields", std::move(fields)}};
  if (d.service.metadata) j["definition"] = d.definition_json;
  json photos = attachments_json(d);
  if (!photos.empty()) j["photos"] = std::move(photos);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<StoredDraft> parse_draft(std::string_view bytes) {
  if (bytes.empty()) return bad("empty");
  if (bytes.size() > kMaxDraftBytes) return bad("larger than " + std::to_string(kMaxDraftBytes) + " bytes");
  json j = json::parse(bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
  auto v = j.find("v");
  if (v == j.end() || !v->is_number_integer() || v->get<int>() != 1) return bad("not format v1");
  StoredDraft d;
  std::string lang;
  if (!get_str(j, "lang", lang) || !get_str(j, "service", d.service_code) ||
      !get_str(j, "service_name", d.service_name) || !get_str(j, "group", d.service_group) ||
      !get_str(j, "definition", d.definition) || !get_bool(j, "metadata", d.metadata) ||
      !get_bool(j, "on_form", d.on_form))
    return bad("a member has the wrong type or is too long");
  if (d.service_code.empty()) return bad("no service");
  d.lang = parse_lang(lang);
  // Drafts from before the definition was kept (the kiosk's first format):
  // without one the form cannot be rebuilt offline; refuse rather than guess.
  if (j.find("metadata") == j.end()) return bad("no service definition");
  if (d.metadata && d.definition.empty()) return bad("no service definition");
  if (auto f = j.find("fields"); f != j.end()) {
    if (!f->is_array() || f->size() > kMaxDraftFields) return bad("fields");
    for (const auto& o : *f) {
      StoredField sf;
      if (!parse_field(o, sf)) return bad("a field is malformed");
      d.fields.push_back(std::move(sf));
    }
  }
  if (auto p = j.find("photos"); p != j.end()) {
    if (!p->is_array() || p->size() > kMaxAttachments) return bad("photos");
    std::size_t photos = 0, memos = 0, videos = 0;
    for (const auto& o : *p) {
      Attachment a;
      if (!parse_photo(o, a)) return bad("an attachment is malformed");
      (a.kind == AttachmentKind::voice ? memos : a.kind == AttachmentKind::video ? videos : photos)++;
      d.photos.push_back(std::move(a));
    }
    if (photos > kMaxPhotos || memos > kMaxVoiceMemos || videos > kMaxVideos)
      return bad("too many attachments of one kind");
  }
  return d;
}

bool restore_draft(State& s, const StoredDraft& stored) {
  api::ServiceDefinition def;
  def.service_code = stored.service_code;
  if (stored.metadata) {
    auto parsed = api::parse_service_definition(stored.definition);
    if (!parsed) return false;
    def = std::move(parsed).value();
  }
  Draft d;
  d.service.code = stored.service_code;
  d.service.name = stored.service_name.empty() ? stored.service_code : stored.service_name;
  d.service.group = stored.service_group;
  d.service.metadata = stored.metadata;
  d.definition_json = stored.definition;
  d.schema = forms::build_schema(def);
  d.form = forms::start_form(d.schema);
  // As if typed again: set_value marks each field touched and re-checks it.
  for (const auto& f : stored.fields) forms::set_value(d.form, d.schema, f.id, f.value);
  d.attachments = stored.photos;
  d.phase = Phase::ready;
  s.draft = std::move(d);
  // A catalogue already here names the service in the current language.
  for (const auto& svc : s.catalog.services)
    if (svc.code == s.draft.service.code) s.draft.service = svc;
  if (stored.on_form) s.screen = Screen::form;
  // What the shell holds is this draft: no save until it changes.
  std::string now = draft_bytes(s);
  s.draft_store.stored = true;
  s.draft_store.digest = now.empty() ? "" : digest_of(now);
  crypto::wipe(now);
  return true;
}

void draft_sync(State& s, std::vector<Effect>& fx) {
  DraftStore& ds = s.draft_store;
  if (!ds.loaded) return;
  bool flush = ds.flush;
  ds.flush = false;
  std::string bytes = draft_bytes(s);
  if (bytes.empty()) {
    ds.due_ms = 0;
    if (ds.stored) {
      fx.push_back(DraftSave{});
      ds.stored = false;
      ds.digest.clear();
      ds.saves++;
    }
    return;
  }
  std::string digest = digest_of(bytes);
  if (ds.stored && digest == ds.digest) {
    crypto::wipe(bytes);
    ds.due_ms = 0;
    return;
  }
  // While typing: at most one save per kSaveDelayMs; leaving the form or
  // hiding the page saves at once.
  if (!flush && editing(s)) {
    if (ds.due_ms == 0) ds.due_ms = s.now_ms + kSaveDelayMs;
    if (s.now_ms < ds.due_ms) {
      crypto::wipe(bytes);
      request_wake(s, ds.due_ms, fx);
      return;
    }
  }
  ds.due_ms = 0;
  ds.stored = true;
  ds.digest = std::move(digest);
  ds.saves++;
  fx.push_back(DraftSave{std::move(bytes)});
}

}  // namespace civic::app
