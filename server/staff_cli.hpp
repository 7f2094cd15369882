// server/staff_cli.hpp — `civic-server staff`, the workers' side from a terminal:
//   civic-server staff [--db FILE | --server URL --token T] update ID --status S
//                      [--note T] [--department D] [--json]
//   civic-server staff [--db FILE | --server URL --token T] list [--status open|closed] [--json]
// With --db (default var/civic.db) it writes the database directly, acting
// with the development token in `staff-token` beside it (a running server
// shares the database safely: SQLite WAL). With --server it calls the staff
// HTTP API of any civic-server (URL is the GeoReport base, .../open311/v2/).
// Exit codes: 0 done, 1 refused or failed (the reason is printed), 2 usage.
#pragma once
#include <string>
#include <vector>

namespace civic::server {

int staff_main(const std::vector<std::string>& args);

}  // namespace civic::server
