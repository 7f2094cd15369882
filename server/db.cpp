// server/db.cpp — see db.hpp.
#include "server/db.hpp"

#include <unordered_map>

namespace civic::server {

namespace {

// Prepared statements are kept for reuse: compiling SQL was a tenth of a
// submission's CPU. A statement is taken out of the cache while a Stmt uses
// it (so two threads never share one) and put back, reset, when it is done.
// At most kMaxCached are kept; SQL with literals in it (list filters) just
// replaces older entries. Db's destructor finalizes its connection's ones.
constexpr size_t kMaxCached = 512;
std::mutex g_cache_mutex;
std::unordered_multimap<std::string, sqlite3_stmt*>& statement_cache() {
  static std::unordered_multimap<std::string, sqlite3_stmt*> cache;
  return cache;
}

sqlite3_stmt* take_cached(sqlite3* db, std::string_view sql) {
  std::lock_guard lock(g_cache_mutex);
  auto& cache = statement_cache();
  auto [lo, hi] = cache.equal_range(std::string(sql));
  for (auto it = lo; it != hi; ++it)
    if (sqlite3_db_handle(it->second) == db) {
      sqlite3_stmt* s = it->second;
      cache.erase(it);
      return s;
    }
  return nullptr;
}

void give_back(std::string sql, sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  std::lock_guard lock(g_cache_mutex);
  auto& cache = statement_cache();
  if (cache.size() >= kMaxCached) {
    sqlite3_finalize(cache.begin()->second);
    cache.erase(cache.begin());
  }
  cache.emplace(std::move(sql), stmt);
}

void drop_cached(sqlite3* db) {
  std::lock_guard lock(g_cache_mutex);
  auto& cache = statement_cache();
  for (auto it = cache.begin(); it != cache.end();) {
    if (sqlite3_db_handle(it->second) == db) {
      sqlite3_finalize(it->second);
      it = cache.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
  stmt_ = take_cached(db, sql);
  if (stmt_) return;
  rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc_ != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
}

Stmt::~Stmt() {
  if (stmt_) give_back(std::move(sql_), stmt_);
}

Stmt& Stmt::bind(int i, std::string_view text) {
  if (stmt_) sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind(int i, int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  if (stmt_) sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  if (stmt_) sqlite3_bind_null(stmt_, i);
  return *this;
}
Stmt& Stmt::bind_opt(int i, const std::optional<double>& v) { return v ? bind(i, *v) : bind_null(i); }

bool Stmt::step() {
  if (!stmt_) return false;
  rc_ = sqlite3_step(stmt_);
  return rc_ == SQLITE_ROW;
}

std::string Stmt::text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}
int64_t Stmt::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::real(int col) const { return sqlite3_column_double(stmt_, col); }
bool Stmt::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::string Stmt::error() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

namespace {
// WAL pages (4 KiB each) after which a background checkpoint is wanted
// (SQLite's own default threshold), and after which the writer folds the
// WAL back itself because the background one cannot keep up (the WAL would
// otherwise grow without bound under a sustained load).
constexpr int kCheckpointPages = 1000;
constexpr int kWriterCheckpointPages = 16000;
// WAL pages past which the background thread finishes a checkpoint with the
// writer held off, so the WAL can start again from its beginning.
constexpr int kRestartPages = 4000;
// Read-only connections kept open (more are opened when more threads read
// at once, and closed again when they come back beyond this many).
constexpr size_t kIdleReaders = 64;
}  // namespace

Db::Db(const std::string& path, bool sync_full) : path_(path), sync_full_(sync_full) {
  int rc = sqlite3_open_v2(path.c_str(), &db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    error_ = db_ ? sqlite3_errmsg(db_) : "cannot open database";
    sqlite3_close(db_);
    db_ = nullptr;
    return;
  }
  sqlite3_busy_timeout(db_, 5000);
  std::string pragmas = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;";
  pragmas += sync_full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
  if (!exec(pragmas)) {
    error_ = last_error();
    sqlite3_close(db_);
    db_ = nullptr;
  }
}

Db::~Db() {
  if (checkpointer_.joinable()) {
    {
      std::lock_guard lk(checkpoint_mutex_);
      checkpoint_stop_ = true;
    }
    checkpoint_wanted_.notify_one();
    checkpointer_.join();
  }
  for (sqlite3* r : idle_readers_) {
    drop_cached(r);
    sqlite3_close(r);
  }
  if (db_) {
    drop_cached(db_);
    // Fold the WAL back into the main file so a stopped server leaves one file.
    sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }
}

bool Db::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    error_ = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return false;
  }
  return true;
}

bool Db::run(std::string_view sql) {
  Stmt s(db_, sql);
  s.step();
  if (!s.ok() || !s.done_ok()) {
    error_ = s.error();
    return false;
  }
  return true;
}

void Db::start_background_checkpoints() {
  if (!db_ || checkpointer_.joinable()) return;
  checkpointer_ = std::thread([this] { checkpoint_loop(); });
  // Replaces SQLite's automatic checkpoint (which is itself a WAL hook).
  sqlite3_wal_hook(db_, &Db::wal_hook, this);
}

// Runs after every COMMIT on the writer's thread, with the WAL's size. A
// checkpoint is due for every kCheckpointPages the WAL grew since the last.
int Db::wal_hook(void* self, sqlite3* db, const char* name, int pages) {
  auto* d = static_cast<Db*>(self);
  if (pages < d->wal_mark_) d->wal_mark_ = 0;  // the WAL was restarted from its beginning
  if (pages >= kWriterCheckpointPages) {
    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (pages - d->wal_mark_ >= kCheckpointPages) {
    d->wal_mark_ = pages;
    {
      std::lock_guard lk(d->checkpoint_mutex_);
      d->checkpoint_due_ = true;
    }
    d->checkpoint_wanted_.notify_one();
  }
  return SQLITE_OK;
}

void Db::checkpoint_loop() {
  sqlite3* conn = nullptr;
  if (sqlite3_open_v2(path_.c_str(), &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    sqlite3_close(conn);
    sqlite3_wal_hook(db_, nullptr, nullptr);  // (racy only with a COMMIT that finds no checkpoint due)
    sqlite3_wal_autocheckpoint(db_, kCheckpointPages);
    return;
  }
  // The same durability as the writer: with NORMAL a checkpoint syncs the
  // WAL before copying it and the database before the WAL may be reused.
  sqlite3_exec(conn, sync_full_ ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;", nullptr, nullptr,
               nullptr);
  std::unique_lock lk(checkpoint_mutex_);
  while (true) {
    checkpoint_wanted_.wait(lk, [&] { return checkpoint_due_ || checkpoint_stop_; });
    if (checkpoint_stop_) break;
    checkpoint_due_ = false;
    lk.unlock();
    // The bulk of the copying and both fsyncs, while commits go on.
    int wal_pages = 0, copied = 0;
    sqlite3_wal_checkpoint_v2(conn, nullptr, SQLITE_CHECKPOINT_PASSIVE, &wal_pages, &copied);
    if (wal_pages >= kRestartPages) {
      // Commits made meanwhile keep the WAL from ever being copied whole, and
      // only a whole copy lets the next COMMIT start it again from the top.
      // So once it is large, copy the few frames left with the writer held
      // off for that moment (a short stall, where SQLite's own checkpoint
      // stalled the writer for the whole copy).
      auto writer = lock();
      sqlite3_wal_checkpoint_v2(conn, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    lk.lock();
  }
  lk.unlock();
  sqlite3_close(conn);
}

sqlite3* Db::take_reader() {
  {
    std::lock_guard lk(readers_mutex_);
    if (!idle_readers_.empty()) {
      sqlite3* r = idle_readers_.back();
      idle_readers_.pop_back();
      return r;
    }
  }
  if (!db_ || path_.empty() || path_ == ":memory:") return nullptr;
  sqlite3* r = nullptr;
  if (sqlite3_open_v2(path_.c_str(), &r, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    sqlite3_close(r);
    return nullptr;
  }
  sqlite3_busy_timeout(r, 5000);
  return r;
}

void Db::give_reader(sqlite3* conn) {
  {
    std::lock_guard lk(readers_mutex_);
    if (idle_readers_.size() < kIdleReaders) {
      idle_readers_.push_back(conn);
      return;
    }
  }
  drop_cached(conn);
  sqlite3_close(conn);
}

ReadLease::ReadLease(Db& db) : db_(db) {
  conn_ = db.take_reader();
  own_ = conn_ != nullptr;
  if (!own_) {
    fallback_ = db.lock();
    conn_ = db.handle();
  }
}

ReadLease::~ReadLease() {
  if (own_) db_.give_reader(conn_);
}

std::string Db::last_error() const { return db_ ? sqlite3_errmsg(db_) : error_; }

Transaction::Transaction(Db& db) : db_(db) { open_ = db_.exec("BEGIN IMMEDIATE;"); }
Transaction::~Transaction() {
  if (open_) db_.exec("ROLLBACK;");
}
bool Transaction::commit() {
  if (!open_) return false;
  open_ = false;
  return db_.exec("COMMIT;");
}

}  // namespace civic::server
