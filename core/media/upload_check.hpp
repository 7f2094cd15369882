// core/media/upload_check.hpp — is an uploaded file what it says it is, and
// only that? The server runs this on every finished tus upload
// (server/uploads.cpp) before the file is kept; a refusal deletes it.
//
// The rule (SECURITY.md row 9), for the types core/forms accepts:
//  1. The declared type must match the magic bytes (core/media/format and
//     the signatures below): image/jpeg FF D8 FF, image/png the PNG
//     signature, image/webp RIFF....WEBP, video/mp4, video/quicktime (a
//     phone's .mov: ISO BMFF with the 'qt  ' brand) and audio/mp4 an ISO
//     BMFF 'ftyp' box first (not a HEIF/AVIF brand; an old QuickTime file
//     without one is refused), audio/ogg "OggS", audio/webm and video/webm
//     the EBML magic, audio/mpeg "ID3" or an MPEG frame sync, audio/aac an
//     ADTS sync. Otherwise security.upload_type_mismatch {declared} {actual}.
//  2. Where the format has a defined end, the file must end exactly there:
//     JPEG at EOI (segments and entropy-coded scans walked), PNG after the
//     IEND chunk, WebP at the RIFF size, MP4 and MOV where their top-level
//     boxes end, Ogg where its last page ends. Bytes after it (an appended ZIP, HTML or
//     script: the classic polyglot) are security.upload_trailing_data
//     {bytes}; a structure that runs past the file or is broken is
//     security.upload_malformed {type}. JPEG and PNG must also pass
//     core/media read_layout (a header that would be decoded).
//  3. Text a browser or an interpreter would run must not hide in places
//     that carry free bytes: JPEG APPn and COM segments, PNG ancillary
//     chunks, and — for MP3, AAC and WebM, whose frames are not walked —
//     the whole file. Markers (ASCII, case-insensitive): "<script",
//     "<?php" + space, "<html" + space or '>', "<!doctype", "<iframe",
//     "javascript:"; in JPEG/PNG metadata also "<svg" and a ZIP local file
//     header "PK\x03\x04". security.upload_active_content {marker}.
//     Compressed pixel data and sample data are not searched (random bytes
//     would match short markers); the long markers searched over a whole
//     MP3/AAC/WebM make a false refusal of a 20 MiB file less likely than 1
//     in 1,000.
// File names (tus metadata "filename"/"name"): 1-255 bytes of valid UTF-8,
// no '/', '\\', control characters, no leading '.', not "..":
// security.upload_bad_name.
// Limits: linear in the file size; never allocates; never reads outside
// `bytes`; box and chunk sizes are checked before use.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/result.hpp"

namespace civic::media {

// The whole file. nullopt when it may be kept.
std::optional<Error> check_upload_content(std::string_view declared_type, std::span<const uint8_t> bytes);

// Rule 1 only, on the first bytes of an upload (>= 16 of them, or the whole
// file when shorter), so a mismatch is refused at the first chunk.
std::optional<Error> check_upload_magic(std::string_view declared_type, std::span<const uint8_t> head);

std::optional<Error> check_upload_name(std::string_view name);

// The usual file extension, without the dot, for a type rule 1 knows
// ("jpg", "m4a", "mov", "webm", ...): what a file this app made or stored
// is named by, so a staff member's download opens in the right player.
// "" for any other type.
std::string_view upload_extension(std::string_view type);

}  // namespace civic::media
