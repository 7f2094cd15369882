// core/ime/composer.cpp — see composer.hpp.
#include "core/ime/composer.hpp"

#include <algorithm>

#include "core/ime/syllables.hpp"

namespace civic::ime {

namespace {
void refresh(Composer& c, const Dictionary& d) {
  c.list = c.input.empty() ? std::vector<Candidate>{} : candidates(d, c.input);
  c.page = 0;
}
std::string finish(Composer& c, std::string tail) {
  std::string out;
  for (const auto& p : c.picks) out += p.first;
  out += tail;
  clear(c);
  return out;
}
}  // namespace

bool composing(const Composer& c) { return !c.input.empty() || !c.picks.empty(); }

std::string preedit(const Composer& c) {
  std::string s;
  for (const auto& p : c.picks) s += p.first;
  return s + c.input;
}

bool type(Composer& c, const Dictionary& d, char letter) {
  if (!((letter >= 'a' && letter <= 'z') || letter == '\'')) return false;
  if (c.input.size() >= kMaxInput) return false;
  if (letter == '\'' && (c.input.empty() || c.input.back() == '\'')) return false;
  c.input += letter;
  refresh(c, d);
  return true;
}

bool backspace(Composer& c, const Dictionary& d) {
  if (!c.input.empty()) {
    c.input.pop_back();
  } else if (!c.picks.empty()) {
    c.input = c.picks.back().second;
    c.picks.pop_back();
  } else {
    return false;
  }
  refresh(c, d);
  return true;
}

std::string choose(Composer& c, const Dictionary& d, size_t index_on_page) {
  size_t i = c.page * c.page_size + index_on_page;
  if (index_on_page >= c.page_size || i >= c.list.size()) return {};
  const Candidate cand = c.list[i];
  size_t used = std::min(cand.consumed, c.input.size());
  c.picks.emplace_back(cand.text, c.input.substr(0, used));
  c.input.erase(0, used);
  if (c.input.empty()) return finish(c, {});
  refresh(c, d);
  return {};
}

std::string choose_first(Composer& c, const Dictionary& d) {
  if (c.list.empty()) return commit_raw(c);
  return choose(c, d, 0);   // the first candidate of the page shown
}

std::string commit_raw(Composer& c) {
  std::string tail = c.input;
  tail.erase(std::remove(tail.begin(), tail.end(), '\''), tail.end());
  return finish(c, tail);
}

void clear(Composer& c) {
  c.input.clear();
  c.picks.clear();
  c.list.clear();
  c.page = 0;
}

size_t page_count(const Composer& c) {
  if (c.page_size == 0) return 0;
  return (c.list.size() + c.page_size - 1) / c.page_size;
}
void next_page(Composer& c) {
  if (c.page + 1 < page_count(c)) ++c.page;
}
void prev_page(Composer& c) {
  if (c.page > 0) --c.page;
}

std::vector<Candidate> page(const Composer& c) {
  size_t from = c.page * c.page_size;
  if (from >= c.list.size()) return {};
  size_t to = std::min(c.list.size(), from + c.page_size);
  return {c.list.begin() + static_cast<long>(from), c.list.begin() + static_cast<long>(to)};
}

}  // namespace civic::ime
