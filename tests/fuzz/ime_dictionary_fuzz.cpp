// tests/fuzz/ime_dictionary_fuzz.cpp — the pinyin dictionary is outside bytes
// (a generated file a shell reads from disk): parsing any bytes must never
// crash, and the typed letters that follow (also fuzzed) must give bounded,
// well-formed candidates through the composer.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/ime/composer.hpp"
#include "core/text/utf8.hpp"

using namespace civic::ime;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  // The first line is what the resident types; the rest is the dictionary.
  size_t nl = all.find('\n');
  std::string_view typed = nl == std::string_view::npos ? all : all.substr(0, nl);
  std::string_view dict_text = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
  auto d = parse_dictionary(dict_text);
  if (!d.ok()) return 0;
  Composer c;
  std::string out;
  for (char ch : typed.substr(0, 64)) {
    if (ch == ' ') out += choose_first(c, *d);
    else if (ch == '<') backspace(c, *d);
    else if (ch >= '0' && ch <= '9') out += choose(c, *d, static_cast<size_t>(ch - '0'));
    else if (ch == '>') next_page(c);
    else type(c, *d, ch);
    if (c.list.size() > kMaxCandidates) std::abort();
    for (const auto& cand : c.list)
      if (cand.consumed == 0 || cand.consumed > c.input.size() || !civic::text::utf8_valid(cand.text)) std::abort();
  }
  out += commit_raw(c);
  if (!civic::text::utf8_valid(out)) std::abort();
  return 0;
}
