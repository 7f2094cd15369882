// core/ime/dictionary.cpp — parsing the generated dictionary, and the lookup
// that turns every reading of the typed letters (syllables.hpp) into words.
#include "core/ime/dictionary.hpp"

#include <algorithm>
#include <map>

#include "core/ime/syllables.hpp"
#include "core/text/utf8.hpp"

namespace civic::ime {

namespace {

bool is_hanzi(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;   // 〇
}

// Characters of a word, or 0 when the word is not 1..kMaxWordChars hanzi.
size_t word_chars(std::string_view w, const std::function<bool(char32_t)>& drawable) {
  size_t n = 0;
  for (size_t i = 0; i < w.size();) {
    auto st = text::utf8_decode(w, i);
    if (!st.ok || !is_hanzi(st.cp) || (drawable && !drawable(st.cp))) return 0;
    i += st.len;
    if (++n > kMaxWordChars) return 0;
  }
  return n;
}

// Syllables of a key, or 0 when one is not a syllable or spacing is off.
size_t key_syllables(std::string_view k) {
  size_t n = 0, start = 0;
  while (start <= k.size()) {
    size_t sp = k.find(' ', start);
    if (sp == std::string_view::npos) sp = k.size();
    if (!is_syllable(k.substr(start, sp - start))) return 0;
    ++n;
    start = sp + 1;
  }
  return n;
}

bool parse_weight(std::string_view s, std::uint32_t* out) {
  if (s.empty() || s.size() > 10) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v > 0x7fffffffu) return false;
  *out = static_cast<std::uint32_t>(v);
  return true;
}

bool key_less(const Entry& a, const Entry& b) {
  if (a.key != b.key) return a.key < b.key;
  if (a.weight != b.weight) return a.weight > b.weight;
  return a.word < b.word;
}

// Bytes of input consumed by the first `k` syllables of a split, plus any
// apostrophes right after them.
size_t consumed_by(std::string_view input, const Split& s, size_t k) {
  size_t at = 0;
  for (size_t i = 0; i < k; ++i) {
    while (at < input.size() && input[at] == '\'') ++at;
    at += s.syllables[i].size();
  }
  while (at < input.size() && input[at] == '\'') ++at;
  return at;
}

}  // namespace

Result<Dictionary> parse_dictionary(std::string_view text, const std::function<bool(char32_t)>& drawable) {
  if (text.size() > kMaxDictBytes)
    return make_error("ime.dict_bad", "dictionary larger than " + std::to_string(kMaxDictBytes) + " bytes");
  Dictionary d;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(at, nl - at);
    at = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos || line.find('\t', t2 + 1) != std::string_view::npos) {
      ++d.skipped;
      continue;
    }
    std::string_view word = line.substr(0, t1), key = line.substr(t1 + 1, t2 - t1 - 1);
    Entry e;
    size_t chars = word_chars(word, drawable);
    size_t syl = chars ? key_syllables(key) : 0;
    if (chars == 0 || syl != chars || !parse_weight(line.substr(t2 + 1), &e.weight)) {
      ++d.skipped;
      continue;
    }
    if (d.entries.size() >= kMaxEntries)
      return make_error("ime.dict_bad", "more than " + std::to_string(kMaxEntries) + " entries");
    e.key = std::string(key);
    e.word = std::string(word);
    e.syllables = static_cast<std::uint8_t>(syl);
    d.entries.push_back(std::move(e));
  }
  if (d.entries.empty()) return make_error("ime.dict_bad", "no usable entries");
  std::sort(d.entries.begin(), d.entries.end(), key_less);
  return d;
}

std::vector<Candidate> candidates(const Dictionary& dict, std::string_view input) {
  std::vector<Candidate> found;
  std::map<std::string, size_t> seen;   // text -> index in found (keep the best reading)
  auto add = [&](const Entry& e, size_t consumed) {
    auto [it, fresh] = seen.emplace(e.word, found.size());
    if (fresh) {
      found.push_back({e.word, consumed, e.weight});
      return;
    }
    Candidate& c = found[it->second];
    if (consumed > c.consumed || (consumed == c.consumed && e.weight > c.weight)) c.consumed = consumed, c.weight = e.weight;
  };
  const auto& es = dict.entries;
  auto first_at_or_after = [&](const std::string& key) {
    return std::lower_bound(es.begin(), es.end(), key, [](const Entry& e, const std::string& k) { return e.key < k; });
  };
  for (const Split& s : split(input)) {
    size_t n = s.syllables.size();
    for (size_t k = std::min(n, kMaxWordChars); k >= 1; --k) {
      std::vector<std::string> head(s.syllables.begin(), s.syllables.begin() + static_cast<long>(k));
      std::string key = join(head);
      size_t consumed = consumed_by(input, s, k);
      bool partial = s.partial_last && k == n;
      if (!partial) {
        for (auto it = first_at_or_after(key); it != es.end() && it->key == key; ++it) add(*it, consumed);
        continue;
      }
      // The last syllable is only begun: every entry of k syllables whose key
      // starts with this one (bounded scan: a one-letter start covers a few
      // thousand entries at most).
      size_t scanned = 0;
      for (auto it = first_at_or_after(key); it != es.end() && it->key.compare(0, key.size(), key) == 0; ++it) {
        if (++scanned > 50000) break;
        if (it->syllables != k) continue;
        // "zao y" must not match "zao yin ..." of more syllables, nor "zaoy".
        if (it->key.find(' ', key.size()) != std::string::npos) continue;
        add(*it, consumed);
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.consumed != b.consumed) return a.consumed > b.consumed;
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.text < b.text;
  });
  if (found.size() > kMaxCandidates) found.resize(kMaxCandidates);
  return found;
}

}  // namespace civic::ime
