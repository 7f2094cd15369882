// core/app/state.hpp — everything the screens draw, as plain values.
// Screens read State and dispatch Events; only update() changes State.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/api/models.hpp"
#include "core/api/url.hpp"
#include "core/app/attachments.hpp"
#include "core/app/draft_store.hpp"
#include "core/app/player.hpp"
#include "core/app/session.hpp"
#include "core/catalog_search/catalog_search.hpp"
#include "core/crypto/pin_store.hpp"
#include "core/forms/form_state.hpp"
#include "core/forms/schema.hpp"
#include "core/i18n/lang.hpp"
#include "core/outbox/delivery.hpp"
#include "core/outbox/outbox_entry.hpp"
#include "core/result.hpp"
#include "core/tracking/follow.hpp"
#include "core/tracking/timeline.hpp"

namespace civic::app {

enum class Screen { home, group, form, review, receipt, tickets, ticket, photo, nearby };

enum class Phase { idle, loading, ready, failed };

// The service catalogue as last fetched, in the language it was fetched in.
struct Catalog {
  Phase phase = Phase::idle;
  std::vector<api::Service> services;
  std::optional<Error> error;
  Lang lang = Lang::zh_CN;
  std::uint64_t revision = 0;   // bumped whenever `services` is replaced: what shells derive from it is stale
};

// What an in-flight request was for, so a late reply (say, for the language
// the resident just switched away from) is recognised and dropped.
enum class Purpose { services, definition, outbox, tickets, ticket, rate, reopen, follow, capabilities, other_services,
                     nearby_caps, nearby };
struct Pending {
  Purpose purpose;
  Lang lang;
  std::string key;   // service code, ticket id or local ref the reply belongs to
};

// How the resident wants the screens presented (home → accessibility).
struct Settings {
  bool large_text = false;     // elderly mode: text and touch targets >= 1.5x
  bool high_contrast = false;
  bool operator==(const Settings&) const = default;
};

// The concern being filed: the service, its form (from the definition) and
// what the resident entered. Values survive a language switch (the form is
// rebuilt from the definition in the new language, values copied by field id).
struct Draft {
  api::Service service;                    // empty code: no draft
  Phase phase = Phase::idle;               // the service definition
  std::optional<Error> error;
  forms::FormSchema schema;
  forms::FormState form;
  std::string definition_json;             // the definition as the server sent it (kept with the draft)
  // Submission
  Phase submit_phase = Phase::idle;
  std::optional<Error> submit_error;
  std::string idempotency_key;             // one per concern, reused on every retry
  // Photos (photo_flow.hpp): in the order picked; an error about picking
  // itself (too many, too big) shows above the row.
  std::vector<Attachment> attachments;
  std::optional<Error> attach_error;
};

// A concern this device filed, and what the server last said about it.
struct Ticket {
  std::string id;                          // service_request_id; empty while queued
  std::string token;                       // from POST: proves the filer (rating, reopen)
  std::string local_ref;                   // the idempotency key: names a queued concern
  std::string service_code, service_name;
  bool queued = false;                     // not delivered yet: "waiting for network"
  outbox::EntryState delivery = outbox::EntryState::queued;   // queued / uploading / sending / delivered
  std::optional<tracking::Timeline> timeline;   // live: from the event stream or polling
  std::optional<api::ServiceRequest> latest;
  Phase phase = Phase::idle;               // refresh of this ticket
  std::optional<Error> error;
  Phase action_phase = Phase::idle;        // rating / reopen
  std::optional<Error> action_error;
  int rating = 0;                          // 1..5 once rated
  std::string rate_comment;                // typed with the rating, sent with it
  bool reopened = false;
  std::string signed_receipt;              // Civic receipts: JSON text from the POST answer, or empty
  bool followed = false;                   // someone else's concern this device follows (no token:
                                           // no rating, no reopen); kept as outbox record "follow-ID"
  int upload_percent = -1;                 // while queued with media: 0..100 of their bytes sent
                                           // (upload_flow.hpp); -1: nothing to upload
};

// Search and suggestion (search_flow.cpp): the search box, the "describe
// your concern" box, and the catalogue in the other language (fetched the
// first time either is used), so a resident finds 路灯 by typing "street light".
struct Finder {
  std::string query;
  std::string concern;                     // offered as the chosen service's description
  Catalog other;                           // the other language's catalogue
  std::vector<std::string> results;        // service codes, best first
  std::vector<std::string> suggestions;    // at most catalog_search::kSuggestions
  std::shared_ptr<const catalog_search::Readings> readings;   // pinyin (kiosk); null: substring only
};

// The device's position for the draft (locate_flow.cpp).
struct Locating {
  Phase phase = Phase::idle;
  std::optional<Error> error;              // place.denied / place.unavailable / place.timeout
  std::uint64_t id = 0;                    // the LocateRequest in flight
  std::uint64_t next_id = 1;
};

// Similar open concerns near the draft's point, before the review page
// (nearby_flow.cpp; the Civic "nearby" extension, skipped on other servers).
struct Nearby {
  Phase caps = Phase::idle;                // the capabilities document: ready once read (or absent)
  bool offered = false;
  int max_radius_m = 0;
  Phase phase = Phase::idle;               // the GET requests.json?lat&long&radius in flight
  std::vector<api::ServiceRequest> found;  // open, same service, within the radius
  std::string checked;                     // service|lat|long last asked about: asked once per place
};

// A concern in the outbox, as core drives it (core/outbox/delivery's plan):
// every step is saved (OutboxSave) and confirmed (OutboxSaved) before its
// request goes out, and saved again after the reply.
struct OutboxSlot {
  outbox::OutboxEntry entry;
  std::optional<Draft> draft;              // the form as entered, given back on a 4xx (this run only)
  std::uint64_t awaiting_save = 0;         // save_id of the record being written; 0 = none
  bool send_after_save = false;            // `action` goes out once that save is confirmed
  bool shown = false;                      // the receipt was shown (the first save succeeded)
  bool hidden = false;                     // an earlier resident's (kiosk): delivered in the
                                           // background, never listed or announced again
  outbox::OutboxAction action;             // the step in flight
  std::uint64_t request_id = 0;            // its HttpRequest, 0 when none is out
  // Upload progress (upload_flow.hpp), live only: bytes of the PATCH in
  // flight that have gone out, and the highest percent shown in this attempt.
  std::uint64_t body_sent = 0;
  int percent_floor = -1;
};

// What this device trusts about its server (trust_flow.cpp): the Civic
// capabilities document (is there a sealing key?) and the signing keys pinned
// on first use. Personal fields leave the device only sealed when the server
// offers sealing, and never while that is still unknown.
struct Trust {
  Phase phase = Phase::idle;               // this run's fetch of the capabilities document
  bool known = false;                      // `capabilities` is usable (fetched now, or the shell's cache)
  std::string capabilities;                // its JSON; "" for a plain GeoReport v2 server
  crypto::PinStore pins;
  std::optional<Error> pins_error;         // the shell's pin store was unreadable: it is never overwritten
  std::int64_t retry_at_ms = 0;            // the next fetch after a failed one
  int failures = 0;                        // fetches failed in a row (back-off)
};

// The delivered tickets kept live (live_flow.cpp).
struct Live {
  bool can_stream = false;                 // the shell carries StreamOpen
  std::vector<std::string> ids;            // followed, sorted
  std::optional<tracking::Follower> follower;
  std::uint64_t stream_id = 0;             // the open stream (0: none)
  std::uint64_t next_stream_id = 1;
  std::int64_t timer_at_ms = 0;            // the follower's wait ends (0: none)
  std::map<std::uint64_t, tracking::FollowAction> gets;   // request id → poll/refetch
};

struct State {
  std::string server_base;
  Settings settings;
  Draft draft;
  std::vector<Ticket> tickets;             // newest first
  std::string open_ticket;                 // Ticket::id or local_ref on the ticket screen
  std::string announcement;                // status change to announce (role=status)
  int pending_stars = 0;                   // the rating on its way to the server
  Lang lang = Lang::zh_CN;
  Screen screen = Screen::home;
  std::string open_group;
  std::string open_group_anchor;   // a service code in the open group (survives relabelling)
  Catalog catalog;
  std::uint64_t next_request_id = 1;
  std::map<std::uint64_t, Pending> pending;
  // The outbox: concerns on their way, by idempotency key.
  std::map<std::string, OutboxSlot> outbox;
  std::uint64_t next_save_id = 1;
  std::int64_t wake_at_ms = 0;             // the Tick the shell has been asked for (0: none)
  int outbox_set_aside = 0;                // records at start that failed their checksum
  // Unix time in ms, passed in by the shell with every event (update's 3rd
  // argument): core never reads a clock.
  std::int64_t now_ms = 0;
  Live live;
  Trust trust;
  DraftStore draft_store;                  // what the shell holds of the draft (draft_store.hpp)
  bool page_hidden = false;                // the shell's page is out of sight (PageVisibility)
  Finder finder;
  Locating locating;
  Nearby nearby;
  // Kiosk sessions (session.hpp): the clock, where to return to when one
  // ends, and the hall's location.
  Session session;
  bool shared_device = false;              // kiosk: what the outbox holds at start is earlier residents'
  Lang home_lang = Lang::zh_CN;
  Settings home_settings;
  HallLocation hall;
  // The photo editor (Screen::photo) and the shell's compression jobs.
  PhotoEditor editor;
  std::uint64_t next_job_id = 1;
  Recorder recorder;                       // voice memos (voice_flow.hpp)
  Player player;                           // a memo played back (playback_flow.hpp)
  // Bumped on every change, so a shell can redraw only when something changed.
  std::uint64_t revision = 0;
};

// Groups in the order the server lists them; services without a group go
// under one group with an empty name (shown as "Other").
struct ServiceGroup {
  std::string name;
  std::vector<const api::Service*> services;
};
std::vector<ServiceGroup> service_groups(const Catalog& catalog);

}  // namespace civic::app

namespace civic::app {
// The ticket with this id or local ref, or nullptr.
const Ticket* find_ticket(const State& s, const std::string& key);
}  // namespace civic::app
