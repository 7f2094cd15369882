// server/db.hpp — a small RAII layer over SQLite 3 for civic-server.
// One connection per Db, opened in WAL mode with foreign keys on. SQLite is
// used in serialized threading mode, but civic-server still funnels every
// statement through Db::lock() so a transaction (check idempotency key, take
// the next ticket number, insert) is atomic with respect to other requests.
// Durability: WAL + synchronous=NORMAL survives kill -9 of the process with
// nothing acknowledged lost (the WAL is in the OS page cache before COMMIT
// returns); only a power cut can drop the last transactions. --sync full
// (Options::sync_full) trades throughput for that too.
// Checkpoints: by default SQLite folds the WAL back into the database inside
// the COMMIT that crosses 1,000 pages, with two fsyncs, on the thread that is
// committing, so one submission in a thousand pages waited for the disk.
// start_background_checkpoints() moves that to a thread with its own
// connection (PASSIVE: it never blocks the writer or a reader).
// Reads: ReadLease lends a read-only connection of its own to one thread at
// a time, so GETs run on both cores at once and never queue behind the
// writer's lock (WAL readers see the last COMMIT, so an acknowledged ticket
// is visible to the next read).
#pragma once
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace civic::server {

class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Stmt& bind(int i, std::string_view text);
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, double v);
  Stmt& bind_null(int i);
  Stmt& bind_opt(int i, const std::optional<double>& v);
  // SQLITE_ROW -> true; SQLITE_DONE or an error -> false (see error()).
  bool step();
  bool done_ok() const { return rc_ == SQLITE_DONE || rc_ == SQLITE_ROW; }
  std::string text(int col) const;
  int64_t integer(int col) const;
  double real(int col) const;
  bool is_null(int col) const;
  std::string error() const;

 private:
  sqlite3* db_ = nullptr;
  std::string sql_;          // the cache key (db.cpp keeps prepared statements for reuse)
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

class Db {
 public:
  // Opens (creating) path; error() says why when !ok().
  explicit Db(const std::string& path, bool sync_full = false);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  bool ok() const { return db_ != nullptr; }
  const std::string& error() const { return error_; }
  sqlite3* handle() { return db_; }
  // Runs one or more statements without results; false + error() on failure.
  bool exec(std::string_view sql);
  // One statement without results, prepared once and reused (db.cpp's cache).
  bool run(std::string_view sql);
  std::unique_lock<std::recursive_mutex> lock() { return std::unique_lock(mutex_); }
  std::string last_error() const;

  // Group commit (commit_queue.cpp). Runs work() inside one write
  // transaction shared with every other caller waiting at that moment, each
  // in its own SAVEPOINT: work() returning false undoes only its own changes.
  // Returns true only once the transaction holding work's changes has
  // committed, so a caller acknowledges nothing that is not durable; false
  // when work() failed or the shared COMMIT did. The first waiting caller
  // commits for all (no extra thread); work() runs on that caller's thread
  // under lock(), and must not BEGIN or COMMIT itself.
  bool run_grouped(const std::function<bool()>& work);

  // Checkpoints from now on run on a background thread (see the top of this
  // file); the destructor stops it. Call once, after migrations.
  void start_background_checkpoints();

 private:
  friend class ReadLease;
  sqlite3* take_reader();
  void give_reader(sqlite3* conn);

  struct GroupJob {
    const std::function<bool()>* work;
    bool ok = false;
    bool done = false;
  };
  void commit_batch(std::vector<GroupJob*>& batch);
  static int wal_hook(void* self, sqlite3* db, const char* name, int pages);
  void checkpoint_loop();

  sqlite3* db_ = nullptr;
  std::string path_;
  bool sync_full_ = false;
  std::string error_;
  std::recursive_mutex mutex_;
  std::mutex group_mutex_;
  std::condition_variable group_done_;
  std::vector<GroupJob*> group_pending_;
  bool group_leader_ = false;
  std::thread checkpointer_;
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wanted_;
  bool checkpoint_due_ = false;
  bool checkpoint_stop_ = false;
  int wal_mark_ = 0;  // WAL size at the last checkpoint asked for (writer's thread only)
  std::mutex readers_mutex_;
  std::vector<sqlite3*> idle_readers_;
};

// A read-only connection for the holder alone; when none can be opened it
// falls back to the writer's connection under Db::lock().
class ReadLease {
 public:
  explicit ReadLease(Db& db);
  ~ReadLease();
  ReadLease(const ReadLease&) = delete;
  ReadLease& operator=(const ReadLease&) = delete;
  sqlite3* handle() const { return conn_; }

 private:
  Db& db_;
  sqlite3* conn_ = nullptr;
  bool own_ = false;
  std::unique_lock<std::recursive_mutex> fallback_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  bool commit();

 private:
  Db& db_;
  bool open_ = false;
};

}  // namespace civic::server
