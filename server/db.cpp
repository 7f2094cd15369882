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
constexpr size_t kMaxCached = 64;
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

Db::Db(const std::string& path, bool sync_full) {
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
