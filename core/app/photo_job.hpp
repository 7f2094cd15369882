// core/app/photo_job.hpp — the work behind Effect PhotoCompress, as one pure
// call that a shell's worker makes (native: a worker thread; the tests; the
// web worker's wasm module): core/media::compress with the job's edit and
// budget, and the answer the app expects. The shell only reads the source
// bytes before and stores the JPEG after (under the id it then reports).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"

namespace civic::app {

struct PhotoJobResult {
  PhotoCompressed answer;       // stored and sha256 filled once the JPEG is kept
  std::vector<std::uint8_t> jpeg;
};

// Compresses `source` for the job; on error, answer.error is set and jpeg empty.
PhotoJobResult run_photo_job(const PhotoCompress& job, std::span<const std::uint8_t> source);

// The answer once the shell has stored the JPEG under `stored`: its size and
// SHA-256 (the tus checksum) filled in.
void photo_job_stored(PhotoJobResult& r, std::string stored);

}  // namespace civic::app
