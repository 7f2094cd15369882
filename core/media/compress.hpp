// core/media/compress.hpp — any accepted photo to an upright, metadata-free
// JPEG within a byte budget: the one call the app, the kiosk and
// `civic compress` make. Steps: probe (header, EXIF) -> decode with the
// resize fused in (the full-size pixels are never copied) -> orientation ->
// the resident's edit (edit.hpp: turns, crop, pixelated regions) and
// redaction -> JPEG quality search -> BLAKE2b hash.
//
// Limits: those of decode.hpp (formats, 100 MP, 256 MiB); max_edge 16..16384.
// Output bytes never exceed the input's when the input already fits both
// max_edge and max_bytes; a fitting, upright JPEG with nothing to redact may
// be returned as itself with its metadata segments removed (passthrough).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/media/decode.hpp"
#include "core/media/edit.hpp"
#include "core/media/encode.hpp"
#include "core/media/exif.hpp"
#include "core/media/redact.hpp"
#include "core/result.hpp"

namespace civic::media {

struct CompressOptions {
  int max_edge = 2048;
  size_t max_bytes = 512u << 10;          // 0: no budget
  int quality = 80;                       // highest quality tried
  PhotoEdit edit;                         // turns, crop, pixelated regions (fractions)
  std::vector<Redaction> redactions;      // in the edited photo's pixels at source
                                          // resolution (the upright source when no edit)
  DecodeLimits limits;
};

struct StageTimes {  // milliseconds, for --json and benchmarks
  double probe = 0, decode = 0, resize = 0, orient = 0, redact = 0, encode = 0, hash = 0, total = 0;
};

struct Compressed {
  std::vector<uint8_t> jpeg;
  int width = 0, height = 0;          // of the output (upright)
  int source_width = 0, source_height = 0;  // of the input (upright, before the edit)
  int quality = 0;                    // 0 when passed through
  bool passthrough = false;
  int orientation = 1;                // EXIF orientation that was applied
  std::optional<GeoPoint> gps;        // from the input's EXIF; never in the output
  Format source_format = Format::unknown;
  std::string hash_hex;               // BLAKE2b-256 of jpeg
  int encode_attempts = 0;
  StageTimes ms;
};

Result<Compressed> compress(std::span<const uint8_t> input, const CompressOptions& options);

// The same from pixels another decoder produced, already upright (the
// browser's createImageBitmap, which applies EXIF orientation itself, can
// decode and pre-shrink a 48 MP photo natively faster than wasm can): resize
// to max_edge, redact, encode within the budget, hash. No passthrough; the
// caller reads GPS from the file with probe() if it wants it.
Result<Compressed> compress_pixels(const ImageView& upright, const CompressOptions& options);

}  // namespace civic::media
