// core/app/photo_job.cpp — see photo_job.hpp.
#include "core/app/photo_job.hpp"

#include <string_view>

#include "core/media/compress.hpp"
#include "core/outbox/outbox_entry.hpp"

namespace civic::app {

PhotoJobResult run_photo_job(const PhotoCompress& job, std::span<const std::uint8_t> source) {
  PhotoJobResult r;
  r.answer.job_id = job.job_id;
  if (source.size() > job.max_source_bytes) {
    r.answer.error = make_error("media.too_big_file", std::to_string(source.size()),
                                {{"bytes", std::to_string(source.size())}, {"limit", std::to_string(job.max_source_bytes)}});
    return r;
  }
  media::CompressOptions opt;
  opt.max_edge = job.max_edge;
  opt.max_bytes = static_cast<std::size_t>(job.max_bytes);
  opt.edit = job.edit;
  auto c = media::compress(source, opt);
  if (!c) {
    r.answer.error = c.error();
    return r;
  }
  media::Compressed& out = c.value();
  r.answer.hash = out.hash_hex;
  r.answer.width = out.width;
  r.answer.height = out.height;
  r.answer.source_width = out.source_width;
  r.answer.source_height = out.source_height;
  r.answer.orientation = out.orientation;
  r.answer.gps = out.gps;
  r.jpeg = std::move(out.jpeg);
  return r;
}

void photo_job_stored(PhotoJobResult& r, std::string stored) {
  const std::string_view bytes(reinterpret_cast<const char*>(r.jpeg.data()), r.jpeg.size());
  const outbox::MediaItem item = outbox::make_media_item(stored, "image/jpeg", bytes);
  r.answer.stored = std::move(stored);
  r.answer.size = item.size;
  r.answer.sha256 = item.sha256;
}

}  // namespace civic::app
