// core/app/attachments.hpp — what a resident attaches to a concern, as plain
// values in the Draft. A photo is stored by the shell (raw bytes under a
// media id it chose), compressed on request (Effect PhotoCompress: the
// shell runs core/media off the UI thread) with the resident's edit, and
// the compressed bytes are what the outbox uploads (tus, resumable).
// A voice memo (voice_flow.hpp) is recorded by the shell (Effect
// RecordStart/RecordStop) and stored as recorded: its media id is both `id`
// and `stored`, there is nothing to compress, and the outbox uploads it with
// its own audio type. A video (video_flow.hpp) is picked from the camera or
// the gallery and stored by the shell as picked — never recompressed on the
// device: the phone's own hardware encoder already made it small, and
// re-encoding it in wasm would cost the resident seconds and battery — so,
// like a memo, its media id is both `id` and `stored` and the outbox
// uploads it with its video type. What is stored is the file with its
// location metadata blanked in place (core/media/video_meta.hpp): same size,
// same frames, no place.
//
// Limits (the shell also refuses larger files before reading them whole):
//   kMaxPhotos photos per concern; kMaxPhotoRawBytes per picked file;
//   output: kPhotoMaxEdge px on the longer edge, kPhotoMaxBytes bytes.
//   kMaxVoiceMemos memos per concern, each kMinVoiceMs..kMaxVoiceMs long
//   (recording stops by itself at kMaxVoiceMs) and at most kMaxVoiceBytes;
//   types audio/webm, audio/ogg, audio/mp4 (what MediaRecorder makes in
//   Chromium, Firefox and Safari; the server checks their magic bytes).
//   kMaxVideos videos per concern, each 1..kMaxVideoBytes (the server's
//   per-file cap, forms::FormOptions::max_attachment_bytes); types
//   video/mp4, video/quicktime (an iPhone's .mov) and video/webm, the ones
//   the server verifies by their magic bytes (core/media/upload_check).
//   At most kMaxAttachments of all kinds together
//   (forms::FormOptions::max_attachments): 6 photos, 3 memos and 2 videos
//   would be 11, so the last ones picked are refused by the total.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/media/edit.hpp"
#include "core/media/exif.hpp"
#include "core/result.hpp"

namespace civic::app {

inline constexpr std::size_t kMaxPhotos = 6;
inline constexpr std::uint64_t kMaxPhotoRawBytes = 40u << 20;   // a 48 MP JPEG is ~25 MB
inline constexpr int kPhotoMaxEdge = 2048;
inline constexpr std::uint64_t kPhotoMaxBytes = 512u << 10;

inline constexpr std::size_t kMaxVoiceMemos = 3;
inline constexpr std::int64_t kMaxVoiceMs = 120'000;
inline constexpr std::int64_t kMinVoiceMs = 500;          // shorter: a slip of the finger
inline constexpr std::int64_t kVoiceStopGraceMs = 5'000;  // a shell's lag in stopping at the cap
inline constexpr std::uint64_t kMaxVoiceBytes = 3u << 20; // 120 s of Opus even at 128 kb/s is 1.9 MB
inline constexpr int kVoiceBitsPerSecond = 32'000;        // asked of the recorder: clear speech, small files

inline constexpr std::size_t kMaxVideos = 2;
inline constexpr std::uint64_t kMaxVideoBytes = 20u << 20;   // == forms::FormOptions{}.max_attachment_bytes
inline constexpr std::size_t kMaxAttachments = 9;             // == forms::FormOptions{}.max_attachments
inline constexpr std::size_t kVideoHeadBytes = 64;            // the file's first bytes the shell hands over
inline constexpr std::uint64_t kMaxVideoDurationMs = 24ull * 3600 * 1000;   // longer: a lying mvhd, shown as unknown

enum class AttachmentKind { photo, voice, video };

enum class AttachmentPhase {
  compressing,   // a PhotoCompress is out (job_id)
  ready,         // compressed: `stored` is what is sent
  failed,        // the photo could not be used: `error` says why, in place
};

struct Attachment {
  AttachmentKind kind = AttachmentKind::photo;
  std::string id;                     // the raw bytes' media id (the shell's)
  std::string name;                   // the file's name, for the accessible label
  std::uint64_t raw_bytes = 0;
  AttachmentPhase phase = AttachmentPhase::compressing;
  int progress = 0;                   // percent, while compressing
  std::uint64_t job_id = 0;           // the PhotoCompress in flight (0: none)
  media::PhotoEdit edit;              // what the compressed bytes show
  std::optional<Error> error;
  // The result (phase ready):
  std::string stored;                 // the compressed bytes' id or path (MediaItem::path)
  std::string content_type = "image/jpeg";
  std::uint64_t size = 0;
  std::string sha256;                 // hex, of the stored bytes (tus checksum)
  std::string hash;                   // BLAKE2b-256 hex (core/media content hash)
  int width = 0, height = 0;          // of the output
  int source_width = 0, source_height = 0;   // upright, before the edit
  int orientation = 1;                // the EXIF orientation that was applied
  std::optional<media::GeoPoint> gps; // from the photo's EXIF: a location to offer
  std::int64_t duration_ms = 0;       // a voice memo's or a video's length (a video's: 0 when not known)
};

// The voice recorder (voice_flow.hpp): one recording at a time.
enum class RecordPhase {
  idle,
  starting,    // RecordStart is out: the microphone is being asked for
  recording,   // RecordStarted came: the resident is speaking
  stopping,    // RecordStop is out: the memo is being stored
};
struct Recorder {
  bool available = false;             // the shell can record (Started::can_record)
  RecordPhase phase = RecordPhase::idle;
  std::uint64_t id = 0;               // the RecordStart in flight (0: none)
  std::uint64_t next_id = 1;
  std::int64_t started_ms = 0;        // now_ms at RecordStarted: the cap is enforced from here too
  std::int64_t elapsed_ms = 0;        // as the shell last reported
  int level = 0;                      // input level 0..100, as the shell last reported
  std::optional<Error> error;         // why the last recording failed, shown by the control
};

// The photo being edited (Screen::photo): its id and the edit so far; the
// attachment keeps its old edit until the resident applies this one.
struct PhotoEditor {
  std::string id;
  media::PhotoEdit edit;
};

}  // namespace civic::app
