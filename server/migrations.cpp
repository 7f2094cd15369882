// server/migrations.cpp — see migrations.hpp.
#include "server/migrations.hpp"

namespace civic::server {

int schema_version(Db& db) {
  Stmt s(db.handle(), "PRAGMA user_version;");
  return s.step() ? static_cast<int>(s.integer(0)) : -1;
}

std::string migrate(Db& db, const std::vector<Migration>& migrations) {
  auto guard = db.lock();
  int have = schema_version(db);
  if (have < 0) return "cannot read the schema version: " + db.last_error();
  if (have > static_cast<int>(migrations.size()))
    return "the database has schema version " + std::to_string(have) + ", newer than this civic-server (" +
           std::to_string(migrations.size()) + ")";
  for (size_t i = static_cast<size_t>(have); i < migrations.size(); ++i) {
    Transaction tx(db);
    if (!db.exec(migrations[i].sql))
      return std::string(migrations[i].name) + ": " + db.error();
    if (!db.exec("PRAGMA user_version = " + std::to_string(i + 1) + ";"))
      return std::string(migrations[i].name) + ": " + db.error();
    if (!tx.commit()) return std::string(migrations[i].name) + ": commit failed: " + db.error();
  }
  return {};
}

}  // namespace civic::server
