// native/common/effects.hpp — carries out core's Effects on a native machine.
// The one entry point both native programs share; web/ has its own twin.
//  [x] HttpRequest → HttpExecutor (completions come back as app::HttpDone);
//      a tus PATCH body (body_media) is read from the media file first
//  [x] OutboxSave → OutboxStore (temp + fsync + rename) before OutboxSaved
//  [x] OutboxDelete, OutboxLoad (→ OutboxLoaded, the records as stored)
//  [x] WakeAt → Platform::wake_at_ms; the frame loop turns it into Tick
//  [x] TrustSave → pins_path (merged with what other writers pinned) and
//      capabilities_path; read back by load_trust for Started
//  [x] PhotoCompress → PhotoWorker (a worker thread running core/media);
//      MediaForget deletes its files; no worker: the job fails (photo.no_source)
//  [x] DraftSave / DraftLoad → the program's own draft keeper (the kiosk
//      seals it, native/kiosk/session.hpp); without one they are ignored and
//      DraftLoad is never answered, so core never saves a draft (the CLI)
//  [x] LocateRequest → Located from Platform::position (the kiosk's hall);
//      unavailable when there is none (no position sensor on these machines)
//  [ ] storage on a separate thread (an fsync blocks the frame ~1–10 ms)
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "native/common/http.hpp"
#include "native/common/outbox_store.hpp"
#include "native/common/photo_worker.hpp"

namespace civic::native {

struct Platform {
  HttpExecutor* http = nullptr;
  OutboxStore* store = nullptr;      // none: saves fail (outbox.storage), nothing is sent
  PhotoWorker* photos = nullptr;     // none: photo jobs fail (photo.no_source)
  std::deque<app::Event> done;       // completions of synchronous effects, for the frame loop
  std::int64_t wake_at_ms = 0;       // 0: no Tick wanted
  std::string pins_path;             // TrustSave's files; empty: not kept (TOFU again next run)
  std::string capabilities_path;
  std::function<void(const std::string&)> draft_save;   // DraftSave bytes ("" forgets)
  std::function<std::string()> draft_load;               // DraftLoad: the stored bytes or ""
  app::HallLocation position;        // where this machine stands (kiosk: --hall-location), or empty
};

// Started::pins_json / capabilities_json from the files TrustSave writes
// ("" when a file is missing or larger than core would accept).
void load_trust(const Platform& p, app::Started& start);

void run_effects(Platform& p, std::vector<app::Effect> effects);

// The Tick, when its time has come (clears wake_at_ms); call once per loop.
bool take_due_tick(Platform& p, std::int64_t now_ms);

}  // namespace civic::native
