// native/common/effects.cpp — dispatch of each Effect kind to its executor.
#include "native/common/effects.hpp"

#include <fstream>
#include <variant>

#include "core/outbox/delivery.hpp"

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

}  // namespace

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
    } else if (auto* w = std::get_if<app::WakeAt>(&fx)) {
      p.wake_at_ms = w->at_ms;
    }
  }
}

bool take_due_tick(Platform& p, std::int64_t now_ms) {
  if (p.wake_at_ms == 0 || now_ms < p.wake_at_ms) return false;
  p.wake_at_ms = 0;
  return true;
}

}  // namespace civic::native
