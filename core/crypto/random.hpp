// core/crypto/random.hpp — unguessable identifiers from libsodium's CSPRNG
// (randombytes: getrandom() natively, crypto.getRandomValues() in the browser).
//
// Each name says where the id may travel:
//  - ticket ids are read aloud on the phone and typed at kiosks: Crockford
//    base32 (0-9 A-Z without I L O U), grouped in fours, no ambiguous glyphs;
//  - tokens ride in URLs and headers: URL-safe base64 without padding;
//  - idempotency keys follow the IETF Idempotency-Key draft's advice: a
//    random (version 4) UUID.
#pragma once
#include <string>

#include "core/crypto/sodium.hpp"

namespace civic::crypto {

// `groups` groups of 4 Crockford base32 characters joined by '-'
// (3 groups: 60 bits, e.g. "7K3M-9QX2-WP4D").
std::string random_ticket_id(int groups = 3);

// `bytes` random bytes (at least 16) as URL-safe base64 without padding.
std::string random_token(size_t bytes = 32);

// A random UUID (RFC 9562 version 4), lowercase: 8-4-4-4-12 hex digits.
std::string random_idempotency_key();

// Fills a buffer with random bytes.
void random_fill(uint8_t* out, size_t len);

// True for text that random_ticket_id() could have produced (any group
// count 1..8). Used to refuse junk in URLs before it reaches a database.
bool is_ticket_id(std::string_view text);

}  // namespace civic::crypto
