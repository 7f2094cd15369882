// server/migrations.hpp — versioned schema migrations.
// server/migrations/NNN_name.sql are embedded at build time (see
// CMakeLists.txt); migration k (1-based, in name order) brings the database
// to PRAGMA user_version = k. Each runs in its own transaction, so a crash
// mid-way leaves the previous version intact.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "server/db.hpp"

namespace civic::server {

struct Migration {
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& embedded_migrations();

// Applies the missing migrations. Returns an empty string on success, else why not.
// A database newer than this binary (user_version above the list) is refused.
std::string migrate(Db& db, const std::vector<Migration>& migrations = embedded_migrations());

int schema_version(Db& db);

}  // namespace civic::server
