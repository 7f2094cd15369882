// server/events.cpp — see events.hpp.
#include "server/events.hpp"

#include <mutex>

#include "server/util.hpp"

namespace civic::server {

int64_t append_event(Db& db, EventRow& e) {
  if (e.created_at == 0) e.created_at = now_seconds();
  Stmt s(db.handle(),
         "INSERT INTO events (request_id, type, status, department, note, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  s.bind(1, e.request_id).bind(2, e.type).bind(3, e.status).bind(4, e.department).bind(5, e.note).bind(6, e.created_at);
  s.step();
  if (!s.done_ok()) return 0;
  e.id = sqlite3_last_insert_rowid(db.handle());
  return e.id;
}

namespace {
std::vector<EventRow> collect(Stmt& s) {
  std::vector<EventRow> out;
  while (s.step())
    out.push_back(EventRow{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.integer(6)});
  return out;
}
constexpr const char* kColumns = "SELECT id, request_id, type, status, department, note, created_at FROM events ";
}  // namespace

std::vector<EventRow> events_after(Db& db, int64_t after_id, const std::string& request_id, size_t limit) {
  auto guard = db.lock();
  std::string sql = std::string(kColumns) + "WHERE id > ?1 " + (request_id.empty() ? "" : "AND request_id = ?2 ") +
                    "ORDER BY id LIMIT ?3";
  Stmt s(db.handle(), sql);
  s.bind(1, after_id).bind(3, static_cast<int64_t>(limit));
  if (!request_id.empty()) s.bind(2, request_id);
  return collect(s);
}

std::vector<EventRow> events_between(Db& db, int64_t from, int64_t to, size_t limit) {
  auto guard = db.lock();
  Stmt s(db.handle(), std::string(kColumns) + "WHERE created_at BETWEEN ? AND ? ORDER BY id LIMIT ?");
  s.bind(1, from).bind(2, to).bind(3, static_cast<int64_t>(limit));
  return collect(s);
}

namespace {
std::mutex g_observers_mutex;
std::vector<EventObserver>& observers() {
  static std::vector<EventObserver> v;
  return v;
}
}  // namespace

void add_event_observer(EventObserver observer) {
  std::lock_guard lock(g_observers_mutex);
  observers().push_back(std::move(observer));
}

void notify_event_observers(const std::vector<EventRow>& committed) {
  std::vector<EventObserver> copy;
  {
    std::lock_guard lock(g_observers_mutex);
    copy = observers();
  }
  for (const auto& e : committed)
    for (const auto& o : copy) o(e);
}

}  // namespace civic::server
