// server/staff_tokens.hpp — per-department staff tokens. Only a personalized BLAKE2b
// digest of a token is stored (crypto::token_hash); department "*" may act on every department's tickets.
// The development server keeps an all-departments token in `staff-token`
// beside its database (mode 0600) so `civic-server staff --db FILE` works.
#pragma once
#include <optional>
#include <string>

#include "server/db.hpp"

namespace civic::server {

// Adds a token for department ("*" = all); returns the token (shown once).
std::string create_staff_token(Db& db, const std::string& department, const std::string& label);
// The department a token may act for, or nullopt when it is unknown.
std::optional<std::string> staff_department(Db& db, const std::string& token);
// Reads or makes the dev token file beside db_path and makes sure it is
// registered. Empty string on success, else why not.
std::string ensure_dev_staff_token(Db& db, const std::string& db_path, std::string& token_out);
std::string staff_token_path(const std::string& db_path);

}  // namespace civic::server
