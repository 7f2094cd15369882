// core/media/video_meta.hpp — a picked video's location metadata, blanked on
// the device before the video is stored or sent. A video is uploaded as
// picked (never re-encoded: core/app/attachments.hpp says why), so unlike a
// photo's EXIF GPS, a phone's location atom would otherwise reach the
// server. This walks the ISO BMFF box tree (MP4, and the QuickTime .mov it
// grew from) and blanks every location item IN PLACE: nothing moves, the
// file keeps its size, and the chunk offsets (stco/co64) that point into
// mdat stay valid, so the video plays exactly as before. It also reads the
// movie's duration (mvhd) for the video's tile.
//
// What real writers put where (each one handled):
//  - Android's MediaMuxer/MediaRecorder (libstagefright MPEG4Writer::
//    writeGeoDataBox) and ffmpeg's mov muxer ("location" tag): moov/udta/©xyz,
//    a QuickTime user-data string {u16 length, u16 language, "+22.5431+114.0579/"}
//    (ISO 6709). Also seen in moov/trak/udta.
//  - iPhone (AVFoundation, QuickTime File Format "Metadata atoms and types"):
//    moov/meta with an 'mdta' handler, keys 'com.apple.quicktime.location.
//    ISO6709', '...location.accuracy.horizontal', '...location.name' etc. in
//    the 'keys' atom (1-based indices) and their values in 'ilst', each item
//    box typed by its key's index and holding 'data' atoms {type indicator,
//    locale, value}. ffmpeg with -movflags use_metadata_tags writes the same
//    layout under moov/udta/meta.
//  - iTunes-style moov/udta/meta ('mdir' handler) with an ilst item '©xyz'.
//  - 3GPP TS 26.244 §8.10 Location Information box 'loci' in udta.
// How they are blanked: a '©xyz' or 'loci' box becomes a 'free' box with a
// zeroed payload; a location item of an ilst keeps its box structure and
// the value of each of its 'data' atoms is zeroed (type and locale kept), or
// its whole payload when it holds no well-formed 'data' atom. The key names
// in 'keys' stay (they say a location was recorded, not where).
//
// Not covered (SECURITY.md says so): WebM/Matroska (EBML) has no standard
// location field, so a WebM is returned unchanged — only its duration is
// read, from Segment/Info (TimecodeScale and Duration, RFC 9559 §5.1.2;
// Chrome's MediaRecorder writes none, so it is often unknown);
// timed GPS tracks (a dash cam's or an action camera's 'gpmd' samples live
// in mdat) and XMP packets are not read.
//
// Limits (outside bytes): the whole file is in memory (the app's cap is 20
// MiB); at most kMaxBoxes box headers are read and boxes nest at most
// kMaxBoxDepth deep; only moov, trak, udta, meta, ilst and an ilst item are
// entered; every size (32-bit, 64-bit "largesize", or 0 "to the end of the
// parent") is checked against its parent's end before use; a 'keys' atom is
// read for at most kMaxMetaKeys entries. A structure that lies about a size
// in what is walked, or exceeds a limit, is an error (media.video_malformed)
// and the bytes are left untouched: a location that cannot be found for
// sure is never declared gone. Linear in the file's top-level box count plus
// the size of moov; nothing is allocated but the list of ranges to blank.
// WebM: EBML variable-length ids and sizes read with the same checks; at
// most kMaxEbmlElements elements of the Segment and of its Info are looked
// at, and the walk stops at the first Cluster (Info comes before it).
#pragma once
#include <cstdint>
#include <span>

#include "core/result.hpp"

namespace civic::media {

inline constexpr int kMaxBoxDepth = 8;
inline constexpr std::size_t kMaxBoxes = 1u << 16;
inline constexpr std::uint32_t kMaxMetaKeys = 4096;
inline constexpr int kMaxEbmlElements = 64;

struct VideoMeta {
  bool bmff_ok = false;          // an ISO BMFF file (ftyp first) whose structure was walked
  int blanked = 0;               // location items removed (one already blank is not counted)
  std::uint64_t duration_ms = 0; // from mvhd (WebM: Segment/Info); 0 when unknown
};

// Blanks the location metadata of an MP4/MOV in `bytes`, in place. Bytes that
// are not ISO BMFF (a WebM, anything else) come back unchanged with
// bmff_ok false — the caller's type check decides whether they may go; a
// WebM's duration is read all the same.
// Error media.video_malformed (bytes unchanged) when a BMFF file's structure
// cannot be walked.
Result<VideoMeta> blank_video_location(std::span<std::uint8_t> bytes);

}  // namespace civic::media
