// native/common/photo_worker.hpp — carries Effect PhotoCompress on a native
// machine: one worker thread runs core's run_photo_job (core/media) so the
// frame loop never waits for a decode; MediaForget deletes the files.
//  [x] raw photos copied in under a fresh media id (store_raw), 0600 files
//  [x] PhotoProgress at read / compressed / stored, then PhotoCompressed
//  [x] the compressed JPEG written durably (temp + fsync + rename) — it is
//      what the outbox uploads, by path (MediaItem::path)
//  [x] preview pixels (stored orientation, <= 1024 px) for the GPU preview
//  [ ] more than one worker thread (photos are compressed one at a time)
// Completions are queued; the frame loop takes them (take_events) and wakes
// through the callback given at construction.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/app/effect.hpp"
#include "core/app/event.hpp"
#include "core/result.hpp"

namespace civic::native {

class PhotoWorker {
 public:
  // dir: where this device keeps photos (created 0700).
  PhotoWorker(std::string dir, std::function<void()> wake);
  ~PhotoWorker();
  PhotoWorker(const PhotoWorker&) = delete;
  PhotoWorker& operator=(const PhotoWorker&) = delete;

  // Copies the file at `path` in as a new raw photo: its media id and size
  // (refused unread above max_bytes: media.too_big_file).
  Result<app::PhotoPicked> store_raw(const std::string& path, std::uint64_t max_bytes);

  void submit(const app::PhotoCompress& job);
  void forget(const std::vector<std::string>& ids);

  struct Preview {
    std::string id;
    int width = 0, height = 0, orientation = 1;
    std::vector<std::uint8_t> rgba;
  };
  std::deque<app::Event> take_events();
  std::vector<Preview> take_previews();
  const std::string& dir() const { return dir_; }

 private:
  void run();
  std::string path_of(const std::string& id) const;

  std::string dir_;
  std::function<void()> wake_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<app::PhotoCompress> jobs_;
  std::deque<app::Event> done_;
  std::vector<Preview> previews_;
  std::vector<std::string> previewed_;
  bool stop_ = false;
  std::uint64_t next_id_ = 1;
  std::thread thread_;
};

}  // namespace civic::native
