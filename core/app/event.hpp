// core/app/event.hpp — everything that can happen to the app: the resident's
// actions (from ui/) and the outcomes of Effects (from the shells).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/api/url.hpp"
#include "core/app/state.hpp"
#include "core/forms/value.hpp"
#include "core/i18n/lang.hpp"
#include "core/media/edit.hpp"

namespace civic::app {

// The shell is up: which server to talk to and the language to start in.
struct Started {
  std::string server_base;   // GeoReport v2 endpoint base, e.g. http://127.0.0.1:8080/open311/v2/
  Lang lang = Lang::zh_CN;
  Settings settings;         // the kiosk starts in large-text mode
  bool can_stream = false;   // the shell carries StreamOpen (else tickets are polled)
  bool can_record = false;   // the shell carries RecordStart (a microphone API): voice memos offered
  bool can_play = false;     // the shell carries PlayMemo: a memo on the form can be listened to
  SessionConfig session;     // kiosk: inactivity that ends a resident's session
  HallLocation hall;         // kiosk: the default location of a concern
  bool shared_device = false;  // kiosk: concerns stored by an earlier run are not this resident's
  // What the shell kept from TrustSave (trust_flow.hpp): "" when nothing.
  std::string pins_json;           // crypto::pin_store_to_json
  std::string capabilities_json;   // the server's last capabilities document
  std::string pins_unreadable;     // why the pin file is there but could not be read ("" = it could)
};

// An HttpRequest finished. status 0 means no reply (network error); then
// `error` says why in developer terms.
struct HttpDone {
  std::uint64_t request_id = 0;
  int status = 0;
  std::string body;
  std::string error;
  api::Params headers;       // the reply's headers (Retry-After, Location, Upload-Offset)
};

// The outbox record of OutboxSave{save_id} is durable (ok) or could not be
// written (error: outbox.storage).
struct OutboxSaved {
  std::uint64_t save_id = 0;
  bool ok = true;
  std::string error;
};

// The records found in storage at start (OutboxLoad), oldest first.
struct OutboxLoaded {
  std::vector<std::string> records;
};

// The event stream of StreamOpen{stream_id}: its HTTP status (0: could not
// connect), its bytes as they come, its end.
struct StreamOpened {
  std::uint64_t stream_id = 0;
  int status = 0;
};
struct StreamBytes {
  std::uint64_t stream_id = 0;
  std::string bytes;
};
struct StreamClosed {
  std::uint64_t stream_id = 0;
};

// A WakeAt came due.
struct Tick {};

// Bytes of HttpRequest{request_id}'s body that have gone out (a tus PATCH of
// the outbox), of `total`. Shells report it at most ~5 times a second and
// only when `sent` moved; core keeps it as live state (never stored) and
// redraws only when the percent shown changes (upload_flow.hpp).
struct UploadProgress {
  std::uint64_t request_id = 0;
  std::uint64_t sent = 0;
  std::uint64_t total = 0;
};

// The platform says the network is back (the browser's `online` event):
// whatever waits for a retry is tried now.
struct NetworkOnline {};

// The stored draft (DraftLoad), empty when there is none.
struct DraftLoaded { std::string bytes; };
// The page went out of sight (hidden: the tab, the app, the screen) or came
// back. Hidden: what must survive is saved now — the browser may freeze or
// kill the page without another timer running.
struct PageVisibility { bool hidden = false; };

struct LanguageChosen { Lang lang; };
struct GroupOpened { std::string group; };
struct BackPressed {};
struct RetryPressed {};
struct SettingsChanged { Settings settings; };

// Filing a concern.
struct ServiceChosen { std::string code; };                     // opens its form
struct FieldEdited { std::string field; forms::FieldValue value; };
struct FieldLeft { std::string field; };
struct ReviewPressed {};      // validate everything; to the review page when valid
struct SubmitPressed {};      // from the review page: deliver (or queue)
struct HomePressed {};        // done: back to the start (the draft is kept until filed)
struct DraftResumed {};       // home → "continue": back to the kept draft's form
struct DraftDiscarded {};     // the resident throws the draft away (memory and storage)

// Finding the service (search_flow.cpp).
struct SearchEdited { std::string text; };     // the search box
struct ConcernEdited { std::string text; };    // "describe your concern": suggestions
// Pinyin readings for the search (the kiosk, from its keyboard's dictionary).
struct ReadingsLoaded { std::shared_ptr<const catalog_search::Readings> readings; };

// Where the concern is (locate_flow.cpp).
struct LocatePressed {};                       // "use my position": LocateRequest
enum class LocateFailure { none, denied, unavailable, timeout };
struct Located {                               // the answer to LocateRequest{locate_id}
  std::uint64_t locate_id = 0;
  LocateFailure failure = LocateFailure::none;
  double lat = 0, lon = 0;                     // WGS84 degrees, when failure == none
  double accuracy_m = 0;
};
struct LocationChosen { forms::Location where; };   // the hall's place, a photo's GPS

// Similar concerns nearby (nearby_flow.cpp).
struct FollowNearbyPressed { std::string id; };  // follow that one instead; the draft is kept
struct FileAnywayPressed {};

// Following concerns.
struct TicketsOpened {};                       // "my concerns": refresh all
struct TicketOpened { std::string key; };      // id or local ref
struct RatePressed { std::string key; int stars = 0; std::string comment; };   // empty comment: the one typed
struct RateCommentEdited { std::string key; std::string text; };            // the rating's comment, as typed
struct ReopenPressed { std::string key; std::string reason; };

// Kiosk sessions (session.hpp). The shell ticks about once a second while a
// session is active and at once on any touch; time comes from its monotonic
// clock. SessionEnded is "Finish" (or the shell ending it): a clean start.
struct SessionTick { std::int64_t now_ms = 0; bool touched = false; };
struct SessionEnded {};

// Attachments (photo_flow.hpp). The shell stored a picked photo's bytes under
// media_id (error: it could not read the file — a photo.* message id such as
// photo.source_empty, or a developer detail shown as photo.read_failed).
struct PhotoPicked { std::string media_id; std::uint64_t bytes = 0; std::string name; std::string error; };
// PhotoCompress{job_id} is under way (percent 0..100) / done (ok or error).
struct PhotoProgress { std::uint64_t job_id = 0; int percent = 0; };
struct PhotoCompressed {
  std::uint64_t job_id = 0;
  std::optional<Error> error;            // core/media's error (media.not_an_image …)
  std::string stored;                    // where the shell keeps the compressed bytes
  std::uint64_t size = 0;
  std::string sha256;                    // hex of the stored bytes
  std::string hash;                      // core/media's BLAKE2b-256 hex
  int width = 0, height = 0, source_width = 0, source_height = 0, orientation = 1;
  std::optional<media::GeoPoint> gps;
};
struct PhotoRemoved { std::string media_id; };
struct PhotoEditOpened { std::string media_id; };          // to the editor
struct PhotoEditChanged { media::PhotoEdit edit; };        // a turn, a crop, a region
struct PhotoEditClosed { bool apply = false; };            // apply (recompress) or cancel

// Videos (video_flow.hpp). The shell stored a picked video file as is under
// media_id — or did not: error is a video.* message id (video.read_failed,
// video.storage_full) or a developer detail, and a file above the cap is
// reported unread (media_id "", bytes = its size) so core can say the
// limit. `head` is its first bytes (up to kVideoHeadBytes), for core's
// magic check; content_type is what the browser said ("" when it did not).
// The stored bytes are the picked file with its location metadata blanked
// in place (core/media/video_meta, run by the shell off the UI thread), and
// duration_ms is the length that walk read (0: not known).
struct VideoPicked {
  std::string media_id;
  std::uint64_t bytes = 0;
  std::string name;
  std::string content_type;
  std::string sha256;                          // hex of the stored bytes
  std::string head;
  std::string error;
  std::uint64_t duration_ms = 0;
};

// Voice memos (voice_flow.hpp). The resident's taps, then the shell's
// answers to RecordStart{record_id}: the microphone is live, how long it has
// run (a few times a second), the memo stored under media_id, or why not.
struct RecordPressed {};                       // "record a voice memo"
struct RecordStopPressed {};                   // the big stop button
struct RecordStarted { std::uint64_t record_id = 0; };
struct RecordProgress {
  std::uint64_t record_id = 0;
  std::int64_t elapsed_ms = 0;
  std::uint64_t bytes = 0;                     // recorded so far
  int level = 0;                               // input level 0..100
};
struct RecordStopped {
  std::uint64_t record_id = 0;
  std::string media_id;                        // the bytes, stored like a picked photo's
  std::uint64_t bytes = 0;
  std::int64_t duration_ms = 0;
  std::string content_type;                    // as the recorder said: audio/webm;codecs=opus …
  std::string sha256;                          // hex of the stored bytes ("" when the shell cannot hash)
};
enum class RecordFailure { denied, no_device, unsupported, storage_full, failed };
struct RecordFailed {
  std::uint64_t record_id = 0;
  RecordFailure failure = RecordFailure::failed;
  std::string detail;                          // developer terms (the DOMException's message)
};

// Playing a memo back (playback_flow.hpp). The resident's taps on a memo's
// play/stop button, then the shell's answers to PlayMemo{play_id}: sound
// started, where it is (a few times a second, only when it moved), it
// ended, or why it could not play.
struct PlayPressed { std::string media_id; };
struct PlayStopPressed {};
struct PlaybackStarted { std::uint64_t play_id = 0; };
struct PlaybackProgress {
  std::uint64_t play_id = 0;
  std::int64_t position_ms = 0;
};
enum class PlaybackEnd { finished, interrupted };   // to its end / the platform paused it (a call)
struct PlaybackEnded {
  std::uint64_t play_id = 0;
  PlaybackEnd reason = PlaybackEnd::finished;
};
enum class PlaybackFailure { missing, unsupported, failed };   // bytes gone / cannot decode / anything else
struct PlaybackFailed {
  std::uint64_t play_id = 0;
  PlaybackFailure failure = PlaybackFailure::failed;
  std::string detail;                          // developer terms (the MediaError's message)
};

using Event = std::variant<Started, HttpDone, LanguageChosen, GroupOpened, BackPressed, RetryPressed,
                           SettingsChanged, ServiceChosen, FieldEdited, FieldLeft, ReviewPressed, SubmitPressed,
                           HomePressed, TicketsOpened, TicketOpened, RatePressed, ReopenPressed, OutboxSaved,
                           OutboxLoaded, Tick, NetworkOnline, StreamOpened, StreamBytes, StreamClosed, SessionTick,
                           SessionEnded, PhotoPicked, PhotoProgress, PhotoCompressed, PhotoRemoved, PhotoEditOpened,
                           PhotoEditChanged, PhotoEditClosed, DraftLoaded, PageVisibility, DraftResumed, DraftDiscarded,
                           RateCommentEdited, SearchEdited, ConcernEdited, ReadingsLoaded, LocatePressed, Located,
                           LocationChosen, FollowNearbyPressed, FileAnywayPressed, RecordPressed, RecordStopPressed,
                           RecordStarted, RecordProgress, RecordStopped, RecordFailed, UploadProgress, VideoPicked,
                           PlayPressed, PlayStopPressed, PlaybackStarted, PlaybackProgress, PlaybackEnded,
                           PlaybackFailed>;

}  // namespace civic::app
