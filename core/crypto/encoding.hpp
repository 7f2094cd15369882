// core/crypto/encoding.hpp — bytes as text: base64 (standard and URL-safe)
// and lowercase hex, for receipts, key files, tokens and headers.
//
// Limits: decoders are strict — no whitespace, no mixed alphabets, no
// missing or extra padding where the variant forbids it, and, when an exact
// length is asked for, anything else is an error (crypto.bad_encoding with
// the field name). Inputs above 1 MiB are refused.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/sodium.hpp"

namespace civic::crypto {

inline constexpr size_t kMaxEncodedBytes = 1u << 20;

enum class B64 { standard, url_nopad };

std::string to_base64(ByteView bytes, B64 variant = B64::standard);
// field: the name used in the error; exact_len: required decoded length.
Result<Bytes> from_base64(std::string_view text, std::string_view field,
                          std::optional<size_t> exact_len = std::nullopt,
                          B64 variant = B64::standard);

std::string to_hex(ByteView bytes);
Result<Bytes> from_hex(std::string_view text, std::string_view field,
                       std::optional<size_t> exact_len = std::nullopt);

}  // namespace civic::crypto
