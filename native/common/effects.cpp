// native/common/effects.cpp — dispatch of each Effect kind to its executor.
#include "native/common/effects.hpp"

#include <cstdlib>
#include <fstream>
#include <variant>

#include "core/crypto/pin_store.hpp"
#include "core/crypto/server_keys.hpp"
#include "core/crypto/sodium.hpp"
#include "core/outbox/delivery.hpp"
#include "native/common/bounded_file.hpp"
#include "native/common/pin_file.hpp"

namespace civic::native {

namespace {

// A tus chunk: bytes [offset, offset + length) of a media file.
bool read_range(const std::string& path, std::uint64_t offset, std::uint64_t length, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(length, '\0');
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(out->data(), static_cast<std::streamsize>(length));
  return in.gcount() == static_cast<std::streamsize>(length);
}

// The pin file may have gained pins from another writer since start (the
// kiosk's receipt check): merge, never overwrite a pinned key. An unreadable
// file is left alone — core refuses to seal until a person looks at it.
void save_trust(const Platform& p, const app::TrustSave& t) {
  if (!p.pins_path.empty()) {
    if (auto mine = crypto::pin_store_from_json(t.pins_json)) (void)merge_into_pin_file(p.pins_path, mine.value());
  }
  if (!p.capabilities_path.empty()) (void)write_file_durably(p.capabilities_path, t.capabilities_json);
}

// A native shell has no position sensor: the kiosk's place is its hall's
// (Platform::position); elsewhere the answer is "unavailable".
app::Located locate(const Platform& p, std::uint64_t id) {
  app::Located out;
  out.locate_id = id;
  char* end_lat = nullptr;
  char* end_lon = nullptr;
  double lat = std::strtod(p.position.lat.c_str(), &end_lat);
  double lon = std::strtod(p.position.lon.c_str(), &end_lon);
  bool ok = !p.position.lat.empty() && !p.position.lon.empty() && end_lat && *end_lat == '\0' && end_lon &&
            *end_lon == '\0';
  if (!ok) {
    out.failure = app::LocateFailure::unavailable;
    return out;
  }
  out.lat = lat;
  out.lon = lon;
  return out;
}

}  // namespace

void load_trust(const Platform& p, app::Started& start) {
  if (!p.pins_path.empty()) read_pins_at_start(p.pins_path, start);
  if (!p.capabilities_path.empty()) {
    // Only a whole file within the limit is offered; anything else starts
    // from no remembered capabilities.
    BoundedFile f = read_bounded(p.capabilities_path, crypto::kMaxCapabilitiesBytes);
    if (f.state == BoundedFile::State::read) start.capabilities_json = std::move(f.bytes);
  }
}

void run_effects(Platform& p, std::vector<app::Effect> effects) {
  for (auto& fx : effects) {
    if (auto* req = std::get_if<app::HttpRequest>(&fx)) {
      if (!req->body_media.empty() && !read_range(req->body_media, req->body_offset, req->body_length, &req->body)) {
        p.done.push_back(app::HttpDone{req->request_id, 0, "", "cannot read " + req->body_media, {}});
        continue;
      }
      if (!req->body_media.empty()) req->headers.emplace_back("Upload-Checksum", outbox::chunk_checksum(req->body));
      if (p.http) p.http->submit(std::move(*req));
    } else if (auto* save = std::get_if<app::OutboxSave>(&fx)) {
      app::OutboxSaved saved{save->save_id, false, "no outbox directory"};
      if (p.store) {
        auto r = p.store->save_record(save->key, save->bytes);
        saved.ok = r.ok();
        saved.error = r ? "" : r.error().detail;
      }
      p.done.push_back(saved);
    } else if (auto* del = std::get_if<app::OutboxDelete>(&fx)) {
      if (p.store) p.store->remove(del->key);
    } else if (std::holds_alternative<app::OutboxLoad>(fx)) {
      app::OutboxLoaded loaded;
      if (p.store) loaded.records = p.store->load_records();
      p.done.push_back(std::move(loaded));
    } else if (auto* job = std::get_if<app::PhotoCompress>(&fx)) {
      if (p.photos) {
        p.photos->submit(*job);
      } else {
        app::PhotoCompressed fail;
        fail.job_id = job->job_id;
        fail.error = make_error("photo.no_source");
        p.done.push_back(std::move(fail));
      }
    } else if (auto* forget = std::get_if<app::MediaForget>(&fx)) {
      if (p.photos) p.photos->forget(forget->ids);
    } else if (auto* w = std::get_if<app::WakeAt>(&fx)) {
      p.wake_at_ms = w->at_ms;
    } else if (auto* t = std::get_if<app::TrustSave>(&fx)) {
      save_trust(p, *t);
    } else if (auto* ds = std::get_if<app::DraftSave>(&fx)) {
      if (p.draft_save) p.draft_save(ds->bytes);
      crypto::wipe(ds->bytes);
    } else if (std::holds_alternative<app::DraftLoad>(fx)) {
      if (p.draft_load) p.done.push_back(app::DraftLoaded{p.draft_load()});
    } else if (auto* loc = std::get_if<app::LocateRequest>(&fx)) {
      p.done.push_back(locate(p, loc->locate_id));
    } else if (std::holds_alternative<app::PlayMemo>(fx) || std::holds_alternative<app::StopPlayback>(fx)) {
      // Nothing to play: a native shell records no memos and says so
      // (Started::can_record and can_play stay false), so the form shows no
      // memo and core never asks. Were one asked for, no answer keeps core
      // at "starting" until the resident taps stop or leaves the form.
    }
  }
}

bool take_due_tick(Platform& p, std::int64_t now_ms) {
  if (p.wake_at_ms == 0 || now_ms < p.wake_at_ms) return false;
  p.wake_at_ms = 0;
  return true;
}

}  // namespace civic::native
