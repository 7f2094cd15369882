// core/catalog_search/catalog_search.cpp — search and suggestion over the
// service catalogues (limits and rules: catalog_search.hpp).
#include "core/catalog_search/catalog_search.hpp"

#include <algorithm>
#include <map>

#include "core/ime/dictionary.hpp"
#include "core/text/ascii.hpp"
#include "core/text/normalize.hpp"
#include "core/text/utf8.hpp"

namespace civic::catalog_search {

namespace {

// Weights of where a term was found (search) — a name says most.
constexpr int kName = 8, kKeyword = 6, kGroup = 3, kDescription = 2;

// The first `max` bytes of s, not cutting a character in two.
std::string_view cut(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// Full-width forms as ASCII, Latin letters in lower case.
std::string fold(std::string_view s, size_t max) {
  return text::lower_ascii(text::fullwidth_to_ascii(cut(s, max)));
}

bool is_separator(char32_t c) {
  if (c < 0x80) return !text::is_alnum(static_cast<char>(c));
  return (c >= 0x2000 && c <= 0x206F) ||   // general punctuation (— … “ ”)
         (c >= 0x3000 && c <= 0x303F) ||   // CJK symbols and punctuation (、。「」)
         (c >= 0xFE30 && c <= 0xFE4F) ||   // CJK compatibility forms
         (c >= 0xFF00 && c <= 0xFF65) ||   // what fullwidth_to_ascii left (｡ ｢ ｣)
         c == 0x00A0 || c == 0x00B7;
}

// Terms of a folded text: runs of non-separators; a bad byte separates.
std::vector<std::string> split_terms(std::string_view s, size_t max_terms) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && out.size() < max_terms) out.push_back(std::string(cut(cur, kMaxTermBytes)));
    cur.clear();
  };
  for (size_t i = 0; i < s.size();) {
    text::Utf8Step st = text::utf8_decode(s, i);
    if (!st.ok || is_separator(st.cp)) flush();
    else cur.append(s.substr(i, st.len));
    i += st.len;
  }
  flush();
  return out;
}

bool ascii_letters(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!text::is_alpha(c)) return false;
  return true;
}

bool has_non_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

size_t count_chars(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    i += text::utf8_decode(s, i).len;
    ++n;
  }
  return n;
}

// --- pinyin ----------------------------------------------------------------

// Does `term` spell, from some character of the text on, the readings of
// consecutive characters — each in full, by its initial, or (the last one)
// by a leading part? failed[i * (|term|+1) + left] remembers dead ends, so a
// text of n characters costs at most n·|term| steps.
bool pinyin_match(const std::vector<std::string_view>& syl, std::string_view term) {
  const size_t n = syl.size(), m = term.size();
  std::vector<char> failed((n + 1) * (m + 1), 0);
  auto go = [&](auto&& self, size_t i, size_t left) -> bool {
    if (left == 0) return true;
    if (i >= n || syl[i].empty()) return false;
    char& dead = failed[i * (m + 1) + left];
    if (dead) return false;
    std::string_view r = term.substr(m - left);
    std::string_view s = syl[i];
    bool ok = (r.size() <= s.size() && s.compare(0, r.size(), r) == 0) ||
              (r.size() > s.size() && r.compare(0, s.size(), s) == 0 && self(self, i + 1, left - s.size())) ||
              (s.size() > 1 && r[0] == s[0] && self(self, i + 1, left - 1));
    if (!ok) dead = 1;
    return ok;
  };
  for (size_t i = 0; i < n; ++i)
    if (!syl[i].empty() && go(go, i, m)) return true;
  return false;
}

std::vector<std::string_view> syllables_of(std::string_view folded, const Readings& r) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < folded.size();) {
    text::Utf8Step st = text::utf8_decode(folded, i);
    out.push_back(st.ok && st.cp >= 0x80 ? reading_of(r, st.cp) : std::string_view());
    i += st.len;
  }
  return out;
}

// --- search ----------------------------------------------------------------

struct Field {
  std::string text;   // folded
  int weight;
  bool whole;         // a keyword: a term equal to it is worth more
};

std::vector<Field> fields_of(const api::Service& s) {
  std::vector<Field> f;
  f.push_back({fold(s.name, kMaxFieldBytes), kName, true});
  for (const auto& k : s.keywords) {
    std::string t = fold(text::trim_spaces(k), kMaxFieldBytes);
    if (!t.empty()) f.push_back({std::move(t), kKeyword, true});
  }
  f.push_back({fold(s.group, kMaxFieldBytes), kGroup, false});
  f.push_back({fold(s.description, kMaxFieldBytes), kDescription, false});
  return f;
}

// The best a term scores in one service's fields (0: nowhere).
int term_score(const std::vector<Field>& fields, const std::string& term, const Readings* readings) {
  int best = 0;
  bool pinyin = readings && !readings->by_char.empty() && term.size() >= 2 && ascii_letters(term);
  for (const auto& f : fields) {
    if (f.text.empty()) continue;
    size_t at = f.text.find(term);
    int score = 0;
    if (at != std::string::npos) {
      score = f.weight + (at == 0 ? 2 : 0) + (f.whole && f.text == term ? 2 : 0);
    } else if (pinyin && has_non_ascii(f.text) && pinyin_match(syllables_of(f.text, *readings), term)) {
      score = f.weight - 1;
    }
    best = std::max(best, score);
  }
  return best;
}

struct Ranked {
  std::string code;
  int score;
  size_t order;   // first seen: catalogue, then position
};

std::vector<Match> rank(std::vector<Ranked> found, size_t limit) {
  std::stable_sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) {
    return a.score != b.score ? a.score > b.score : a.order < b.order;
  });
  std::vector<Match> out;
  for (auto& r : found) {
    if (out.size() >= limit) break;
    out.push_back({std::move(r.code), r.score});
  }
  return out;
}

// Keeps one entry per code: its best score and its first position.
void add_found(std::vector<Ranked>& found, std::map<std::string, size_t>& index, const std::string& code, int score,
               size_t order) {
  auto it = index.find(code);
  if (it == index.end()) {
    index.emplace(code, found.size());
    found.push_back({code, score, order});
  } else {
    found[it->second].score = std::max(found[it->second].score, score);
  }
}

// --- suggestion ------------------------------------------------------------

// "noisy", "noises", "noise" → "nois"; "lights" → "light"; "leaking" → "leak".
std::string stem(std::string w) {
  auto ends = [&](std::string_view e) { return w.size() >= e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0; };
  if (w.size() > 5 && ends("ing")) w.resize(w.size() - 3);
  else if (w.size() > 4 && ends("ed")) w.resize(w.size() - 2);
  if (w.size() > 3 && ends("s") && !ends("ss")) w.pop_back();
  if (w.size() > 3 && (ends("e") || ends("y"))) w.pop_back();
  return w;
}

std::vector<std::string> latin_words(std::string_view folded) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded) {
    if (text::is_alnum(c)) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(stem(std::move(cur)));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(stem(std::move(cur)));
  return out;
}

bool contains_words(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

}  // namespace

Readings readings_from_dictionary(const ime::Dictionary& dict) {
  std::map<char32_t, std::pair<std::uint32_t, std::string>> best;
  for (const auto& e : dict.entries) {
    if (e.syllables != 1) continue;
    text::Utf8Step st = text::utf8_decode(e.word, 0);
    if (!st.ok || st.len != e.word.size()) continue;
    auto it = best.find(st.cp);
    if (it == best.end() || e.weight > it->second.first) best[st.cp] = {e.weight, e.key};
  }
  Readings r;
  r.by_char.reserve(best.size());
  for (auto& [c, wk] : best) r.by_char.emplace_back(c, std::move(wk.second));
  return r;
}

std::string_view reading_of(const Readings& r, char32_t c) {
  auto it = std::lower_bound(r.by_char.begin(), r.by_char.end(), c,
                             [](const auto& entry, char32_t v) { return entry.first < v; });
  return it != r.by_char.end() && it->first == c ? std::string_view(it->second) : std::string_view();
}

std::vector<Match> search(const std::vector<const std::vector<api::Service>*>& catalogues, std::string_view query,
                          const Readings* readings, size_t limit) {
  std::vector<std::string> terms = split_terms(fold(query, kMaxQueryBytes), kMaxTerms);
  if (terms.empty()) return {};
  std::vector<Ranked> found;
  std::map<std::string, size_t> index;
  size_t order = 0;
  for (const auto* cat : catalogues) {
    if (!cat) continue;
    for (const auto& svc : *cat) {
      ++order;
      auto fields = fields_of(svc);
      int total = 0;
      for (const auto& t : terms) {
        int s = term_score(fields, t, readings);
        if (s == 0) {
          total = 0;
          break;
        }
        total += s;
      }
      if (total > 0) add_found(found, index, svc.code, total, order);
    }
  }
  return rank(std::move(found), limit);
}

std::vector<Match> suggest(const std::vector<const std::vector<api::Service>*>& catalogues,
                           std::string_view description, size_t limit) {
  std::string desc = fold(description, kMaxDescriptionBytes);
  std::vector<std::string> words = latin_words(desc);
  std::vector<Ranked> found;
  std::map<std::string, size_t> index;
  size_t order = 0;
  for (const auto* cat : catalogues) {
    if (!cat) continue;
    for (const auto& svc : *cat) {
      ++order;
      int score = 0;
      for (const auto& k : svc.keywords) {
        std::string kw = fold(text::trim_spaces(k), kMaxFieldBytes);
        if (kw.empty()) continue;
        if (has_non_ascii(kw)) {
          // Chinese has no spaces: a keyword is found inside the sentence.
          if (desc.find(kw) != std::string::npos) score += 2 + static_cast<int>(std::min<size_t>(count_chars(kw), 6));
        } else if (contains_words(words, latin_words(kw))) {
          score += 3 + static_cast<int>(std::min<size_t>(latin_words(kw).size(), 3));
        }
      }
      std::string name = fold(svc.name, kMaxFieldBytes);
      if (has_non_ascii(name) && count_chars(name) >= 2 && desc.find(name) != std::string::npos) score += 6;
      if (score > 0) add_found(found, index, svc.code, score, order);
    }
  }
  return rank(std::move(found), limit);
}

}  // namespace civic::catalog_search
