// native/common/photo_worker.cpp — see photo_worker.hpp.
#include "native/common/photo_worker.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/app/photo_job.hpp"
#include "core/crypto/random.hpp"
#include "core/media/decode.hpp"
#include "core/media/resize.hpp"
#include "ui/photo_preview.hpp"

namespace civic::native {

namespace fs = std::filesystem;

namespace {

bool read_file(const std::string& path, std::vector<std::uint8_t>* out, std::uint64_t max_bytes) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const auto size = static_cast<std::uint64_t>(in.tellg());
  if (size > max_bytes) return false;
  out->resize(size);
  in.seekg(0);
  in.read(reinterpret_cast<char*>(out->data()), static_cast<std::streamsize>(size));
  return static_cast<std::uint64_t>(in.gcount()) == size;
}

// temp + fsync + rename: the file is whole or absent after a crash.
bool write_durably(const std::string& path, const std::uint8_t* data, std::size_t n) {
  const std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  std::size_t off = 0;
  while (off < n) {
    ssize_t w = ::write(fd, data + off, n - off);
    if (w <= 0) {
      ::close(fd);
      return false;
    }
    off += static_cast<std::size_t>(w);
  }
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok && ::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace

PhotoWorker::PhotoWorker(std::string dir, std::function<void()> wake) : dir_(std::move(dir)), wake_(std::move(wake)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  fs::permissions(dir_, fs::perms::owner_all, ec);
  thread_ = std::thread([this] { run(); });
}

PhotoWorker::~PhotoWorker() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

std::string PhotoWorker::path_of(const std::string& id) const {
  // Ids are ours ("raw-<hex>") or full paths of our outputs; nothing else is touched.
  if (id.rfind(dir_ + "/", 0) == 0) return id;
  if (id.find('/') != std::string::npos || id.empty() || id[0] == '.') return {};
  return dir_ + "/" + id;
}

Result<app::PhotoPicked> PhotoWorker::store_raw(const std::string& path, std::uint64_t max_bytes) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return make_error("photo.read_failed", path + ": " + ec.message(), {{"name", fs::path(path).filename()}});
  app::PhotoPicked p;
  p.name = fs::path(path).filename();
  p.bytes = size;
  if (size > max_bytes) return p;   // core refuses it by size, with the limit in the message
  std::vector<std::uint8_t> bytes;
  if (!read_file(path, &bytes, max_bytes))
    return make_error("photo.read_failed", path, {{"name", p.name}});
  p.media_id = "raw-" + crypto::random_token(12);
  if (!write_durably(dir_ + "/" + p.media_id, bytes.data(), bytes.size()))
    return make_error("photo.read_failed", "cannot write " + dir_, {{"name", p.name}});
  return p;
}

void PhotoWorker::submit(const app::PhotoCompress& job) {
  {
    std::lock_guard lock(mu_);
    jobs_.push_back(job);
  }
  cv_.notify_all();
}

void PhotoWorker::forget(const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    const std::string p = path_of(id);
    if (p.empty()) continue;
    std::error_code ec;
    fs::remove(p, ec);
  }
}

std::deque<app::Event> PhotoWorker::take_events() {
  std::lock_guard lock(mu_);
  std::deque<app::Event> out;
  out.swap(done_);
  return out;
}

std::vector<PhotoWorker::Preview> PhotoWorker::take_previews() {
  std::lock_guard lock(mu_);
  std::vector<Preview> out;
  out.swap(previews_);
  return out;
}

void PhotoWorker::run() {
  for (;;) {
    app::PhotoCompress job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
      if (stop_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    auto post = [&](app::Event e) {
      {
        std::lock_guard lock(mu_);
        done_.push_back(std::move(e));
      }
      if (wake_) wake_();
    };
    std::vector<std::uint8_t> raw;
    const std::string src = path_of(job.source);
    if (src.empty() || !read_file(src, &raw, job.max_source_bytes)) {
      app::PhotoCompressed fail;
      fail.job_id = job.job_id;
      fail.error = make_error("photo.read_failed", job.source, {{"name", job.source}});
      post(std::move(fail));
      continue;
    }
    post(app::PhotoProgress{job.job_id, 20});
    app::PhotoJobResult r = app::run_photo_job(job, raw);
    if (!r.answer.error) {
      post(app::PhotoProgress{job.job_id, 80});
      const std::string out = dir_ + "/" + job.source + "." + std::to_string(job.job_id) + ".jpg";
      if (write_durably(out, r.jpeg.data(), r.jpeg.size())) {
        app::photo_job_stored(r, out);
      } else {
        r.answer.error = make_error("outbox.storage", out, {{"path", out}});
      }
      // Preview pixels once per photo: as stored, at most kPreviewEdge.
      bool have = false;
      {
        std::lock_guard lock(mu_);
        have = std::find(previewed_.begin(), previewed_.end(), job.source) != previewed_.end();
      }
      if (!have) {
        Preview pv;
        pv.id = job.source;
        auto d = media::decode_scaled_with(raw, {}, ui::kPreviewEdge, ui::kPreviewEdge, [&](const media::ImageView& v) {
          const media::Size s = media::fit_within(v.width, v.height, ui::kPreviewEdge);
          return media::resize(v, s.width, s.height);
        });
        if (d) {
          pv.width = d->image.width;
          pv.height = d->image.height;
          pv.orientation = d->exif.orientation;
          pv.rgba.reserve(d->image.rgb.size() / 3 * 4);
          for (std::size_t i = 0; i < d->image.rgb.size(); i += 3)
            pv.rgba.insert(pv.rgba.end(), {d->image.rgb[i], d->image.rgb[i + 1], d->image.rgb[i + 2], 255});
          std::lock_guard lock(mu_);
          previewed_.push_back(job.source);
          previews_.push_back(std::move(pv));
        }
      }
    }
    post(std::move(r.answer));
  }
}

}  // namespace civic::native
