// core/catalog_search/catalog_search.hpp — finding the right service among a
// city's dozens: by what the resident types into the search box (names,
// descriptions, groups and GeoReport `keywords`, in every language's
// catalogue the app holds, whatever language is on screen), and by what they
// write first about what happened ("the street light at the east gate has been
// dark for three nights" → 路灯不亮 / Street light out).
//
// Pure functions over plain values: the catalogues come from the server (any
// GeoReport v2 server), the text from the resident.
//
// Limits (both inputs are outside bytes):
//  - a query is read up to kMaxQueryBytes, a description up to
//    kMaxDescriptionBytes, cut at a character boundary; the rest is ignored;
//  - at most kMaxTerms terms of a query count (the rest are ignored), each at
//    most kMaxTermBytes (longer ones are cut);
//  - bytes that are not well-formed UTF-8 separate terms, they never match;
//  - catalogue texts are read as they are (already checked UTF-8 JSON
//    strings); a service text longer than kMaxFieldBytes is cut.
// Latin letters are compared case-insensitively, full-width forms as their
// ASCII twins; Chinese by substring, and — when a Readings table is given —
// also by full pinyin ("ludeng"), initials ("ld") or a mix ("ldeng").
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/api/models.hpp"

namespace civic::ime {
struct Dictionary;
}

namespace civic::catalog_search {

inline constexpr size_t kMaxQueryBytes = 256;
inline constexpr size_t kMaxDescriptionBytes = 4096;
inline constexpr size_t kMaxTerms = 8;
inline constexpr size_t kMaxTermBytes = 64;
inline constexpr size_t kMaxFieldBytes = 2048;
inline constexpr size_t kSuggestions = 3;

// The pinyin reading of single characters (toneless, lower case: 路 → "lu"),
// sorted by character. Built from the on-screen keyboard's dictionary where a
// shell has it (the kiosk); empty elsewhere (then Chinese matches by
// substring only).
struct Readings {
  std::vector<std::pair<char32_t, std::string>> by_char;
};
// Every one-character word of `dict`, with its most frequent reading.
Readings readings_from_dictionary(const ime::Dictionary& dict);
// The reading of `c`, or "" when unknown.
std::string_view reading_of(const Readings& r, char32_t c);

struct Match {
  std::string code;   // service_code
  int score = 0;      // higher is better; only comparable within one call
};

// The services whose texts match every term of `query` (terms are separated
// by spaces and punctuation), best first; ties keep catalogue order. A code
// present in several catalogues (one per language) is listed once, with its
// best score; the order of `catalogues` is the order ties are broken in (put
// the screen's language first). An empty query matches nothing.
std::vector<Match> search(const std::vector<const std::vector<api::Service>*>& catalogues, std::string_view query,
                          const Readings* readings = nullptr, size_t limit = 50);

// Services ranked by how many of their keywords (and their name) occur in a
// free-text description of the concern, best first, at most `limit`, only
// those with at least one hit. Chinese keywords match as substrings; Latin
// ones as whole words, with simple English endings folded ("noisy" finds
// "noise", "lights" finds "street light").
std::vector<Match> suggest(const std::vector<const std::vector<api::Service>*>& catalogues,
                           std::string_view description, size_t limit = kSuggestions);

}  // namespace civic::catalog_search
