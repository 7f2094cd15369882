// core/app/attachments.hpp — what a resident attaches to a concern, as plain
// values in the Draft. A photo is stored by the shell (raw bytes under a
// media id it chose), compressed on request (Effect PhotoCompress: the
// shell runs core/media off the UI thread) with the resident's edit, and
// the compressed bytes are what the outbox uploads (tus, resumable).
// Other kinds (a voice memo) add an AttachmentKind and reuse the rest.
//
// Limits (the shell also refuses larger files before reading them whole):
//   kMaxPhotos photos per concern; kMaxPhotoRawBytes per picked file;
//   output: kPhotoMaxEdge px on the longer edge, kPhotoMaxBytes bytes.
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

enum class AttachmentKind { photo };

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
};

// The photo being edited (Screen::photo): its id and the edit so far; the
// attachment keeps its old edit until the resident applies this one.
struct PhotoEditor {
  std::string id;
  media::PhotoEdit edit;
};

}  // namespace civic::app
