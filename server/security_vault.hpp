// server/security_vault.hpp — personal fields encrypted at rest.
//
// The requests table's first_name, last_name, phone and email columns hold
// "cvf1:" + base64(core/crypto encrypt_field(...)): XChaCha20-Poly1305 under
// a data key kept in keys/personal_data.key (mode 0600, beside — never in —
// the database), bound to "requests.<column>:<ticket id>", so a copied
// database reveals nothing and a value moved to another row or column fails
// to open. Empty values stay empty (a resident may file anonymously).
//
// Implemented:
//  [X] sealing on insert, opening on read (tickets.cpp calls the two hooks)
//  [X] older plaintext values pass through unchanged (databases from before)
//  [ ] key rotation (re-encrypting every row under a new key)
#pragma once
#include <string>
#include <string_view>

#include "server/tickets.hpp"

namespace civic::server {

// Loads keys_dir/personal_data.key, creating it (0600) when missing. Called
// once at start, before any request thread. "" on success, else why not.
std::string load_or_create_personal_key(const std::string& keys_dir);
bool personal_key_loaded();
// The same for tools that open the database directly (civic-server staff --db):
// the key in keys/ next to db_path, as the server keeps it.
std::string load_personal_key_beside(const std::string& db_path);

// Hooks for tickets.cpp. seal_personal_column returns what to store; with no
// key loaded it stores nothing (fails closed) and says so on stderr.
std::string seal_personal_column(std::string_view ticket_id, std::string_view column, const std::string& value);
// Opens the four personal columns of a ticket read from the database, in place.
// A value that does not open becomes "" (and is reported on stderr).
void open_personal_columns(Ticket& t);

// True when a stored column value is sealed (for tests and audits).
bool is_sealed_column(std::string_view stored);

}  // namespace civic::server
