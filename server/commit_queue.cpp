// server/commit_queue.cpp — Db::run_grouped(): group commit. With
// synchronous=NORMAL a COMMIT in WAL mode is one write() of every page the
// transaction touched; submissions that arrive together touch the same
// pages (the requests, events and idempotency-key b-tree leaves, the
// ticket sequence), so one COMMIT for all of them writes a fraction of the
// bytes and takes the write lock once. Nobody is told "committed" before
// the COMMIT that holds their rows has returned.
// Batch size: everyone waiting when the writer becomes free; no timer waits
// for more to arrive (that would add latency to a lone submission). The
// writer runs only the SQL: callers do their validation, sealing and answer
// building on their own threads, before and after.
#include "server/db.hpp"

namespace civic::server {

bool Db::run_grouped(const std::function<bool()>& work) {
  GroupJob job{&work};
  std::unique_lock lk(group_mutex_);
  group_pending_.push_back(&job);
  while (!job.done) {
    if (group_leader_) {
      group_done_.wait(lk);
      continue;
    }
    // Lead: take everything queued so far (our own job included) and commit it.
    group_leader_ = true;
    std::vector<GroupJob*> batch;
    batch.swap(group_pending_);
    lk.unlock();
    commit_batch(batch);
    lk.lock();
    for (GroupJob* j : batch) j->done = true;
    group_leader_ = false;
    group_done_.notify_all();
  }
  return job.ok;
}

void Db::commit_batch(std::vector<GroupJob*>& batch) {
  auto guard = lock();
  if (!run("BEGIN IMMEDIATE")) {
    for (GroupJob* j : batch) j->ok = false;
    return;
  }
  for (GroupJob* j : batch) {
    if (!run("SAVEPOINT civic_grouped")) {
      j->ok = false;
      continue;
    }
    j->ok = (*j->work)();
    if (!j->ok) run("ROLLBACK TO civic_grouped");
    run("RELEASE civic_grouped");
  }
  if (!run("COMMIT")) {
    run("ROLLBACK");
    for (GroupJob* j : batch) j->ok = false;
  }
}

}  // namespace civic::server
