// tests/bench/forms/forms_bench.cpp — figures for core/forms and core/text,
// driven by bench.sh. Prints; asserts nothing (timings on a shared machine move).
//  1. count_graphemes against ICU's character BreakIterator (the reference
//     implementation of UAX #29; Debian's ICU 72 = Unicode 15) on a
//     deterministic corpus of tricky strings: agreement rate, the first
//     disagreements, and throughput of both.
//  2. The cost of one keystroke: set_text() on the description of a form with
//     50 attributes (re-checks one field) against re-checking the whole form.
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/forms/form_state.hpp"
#include "core/text/graphemes.hpp"
#include "core/text/utf8.hpp"

using namespace civic;
using Clock = std::chrono::steady_clock;

namespace {

// Pieces residents' text is made of, including the hard cases.
const char* kAtoms[] = {
    "a", "Z", " ", "\n", "\r\n", "路", "灯", "，", "１", "e\xCC\x81", "\xCC\x81", "\xCC\x82",
    "\xF0\x9F\x98\x80",                                       // 😀
    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",                       // 👍🏽
    "\xE2\x80\x8D",                                           // ZWJ
    "\xF0\x9F\x91\xA8",                                       // 👨
    "\xE2\x9D\xA4\xEF\xB8\x8F",                               // ❤️
    "\xEF\xB8\x8F",                                           // VS16 alone
    "\xF0\x9F\x87\xA8", "\xF0\x9F\x87\xB3",                   // regional indicators C, N
    "\xE1\x84\x92", "\xE1\x85\xA1", "\xE1\x86\xAB",           // Hangul L V T
    "\xED\x95\x9C",                                           // 한 (LVT)
    "\xEA\xB0\x80",                                           // 가 (LV)
    "\xE0\xA4\x95", "\xE0\xA4\xBE", "\xE0\xA5\x8D",           // क ा ्  (Devanagari)
    "\xEF\xBD\xB6\xEF\xBE\x9E",                               // ｶﾞ
    "\xE8\x91\x9B\xF3\xA0\x84\x80",                           // 葛 + IVS
    "1\xEF\xB8\x8F\xE2\x83\xA3",                              // keycap
    "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xBF",       // black flag + tag g + cancel tag
};

uint64_t rng = 0x9E3779B97F4A7C15ull;
uint64_t next() {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

size_t icu_count(const std::string& s, UBreakIterator* bi) {
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &err);
  ubrk_setUText(bi, ut, &err);
  size_t n = 0;
  for (int32_t p = ubrk_first(bi); (p = ubrk_next(bi)) != UBRK_DONE;) ++n;
  utext_close(ut);
  return U_SUCCESS(err) ? n : SIZE_MAX;
}

std::string escaped(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    text::Utf8Step st = text::utf8_decode(s, i);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%04X", out.empty() ? "" : " ", static_cast<unsigned>(st.cp));
    out += buf;
    i += st.len;
  }
  return out;
}

template <class F>
double best_ms(int runs, F&& f) {
  double best = 1e30;
  for (int r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    f();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main() {
  UErrorCode err = U_ZERO_ERROR;
  UBreakIterator* bi = ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &err);
  if (U_FAILURE(err)) return 1;

  // 1. Agreement with ICU.
  const int kStrings = 200000;
  int agree = 0, shown = 0;
  std::vector<std::string> corpus;
  for (int i = 0; i < kStrings; ++i) {
    std::string s;
    size_t atoms = 1 + next() % 6;
    for (size_t k = 0; k < atoms; ++k) s += kAtoms[next() % std::size(kAtoms)];
    size_t ours = text::count_graphemes(s), icu = icu_count(s, bi);
    if (ours == icu) ++agree;
    else if (shown++ < 5) std::printf("  differs: [%s] civic %zu, ICU %zu\n", escaped(s).c_str(), ours, icu);
    corpus.push_back(std::move(s));
  }
  std::printf("graphemes: %d random strings of 1-6 tricky pieces: civic agrees with ICU %s on %.3f%%\n",
              kStrings, U_ICU_VERSION, 100.0 * agree / kStrings);

  // Throughput on a realistic description: 4,000 characters of CJK with some emoji.
  std::string desc;
  for (int i = 0; desc.size() < 11000; ++i) desc += i % 50 == 49 ? "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" : "路灯不亮，";
  size_t sink = 0;
  double ours_ms = best_ms(20, [&] { for (int k = 0; k < 100; ++k) sink += text::count_graphemes(desc); }) / 100;
  double icu_ms = best_ms(20, [&] { for (int k = 0; k < 100; ++k) sink += icu_count(desc, bi); }) / 100;
  std::printf("graphemes: %zu-byte description (%zu characters): civic %.1f us, ICU %.1f us (%.1f MB/s vs %.1f MB/s)\n",
              desc.size(), text::count_graphemes(desc), ours_ms * 1000, icu_ms * 1000,
              desc.size() / ours_ms / 1000, desc.size() / icu_ms / 1000);

  // 2. One keystroke.
  api::ServiceDefinition def{"bench", {}};
  for (int i = 0; i < 50; ++i) {
    api::Attribute a;
    a.code = "a" + std::to_string(i);
    a.datatype = i % 3 == 0 ? api::Datatype::number : i % 3 == 1 ? api::Datatype::string : api::Datatype::text;
    a.datatype_description = "0-200";
    def.attributes.push_back(a);
  }
  forms::FormSchema schema = forms::build_schema(def);
  forms::FormState st = forms::start_form(schema);
  for (int i = 0; i < 50; ++i) forms::set_text(st, schema, "attribute[a" + std::to_string(i) + "]", std::string(300, 'x'));
  forms::set_text(st, schema, "description", desc);
  std::string typed = desc;
  uint64_t before = st.checks;
  double key_ms = best_ms(5, [&] {
    for (int k = 0; k < 200; ++k) {
      typed += "路";
      forms::set_text(st, schema, "description", typed);
    }
  }) / 200;
  uint64_t per_key = (st.checks - before) / 1000;
  double full_ms = best_ms(5, [&] {
    for (int k = 0; k < 20; ++k)
      for (size_t i = 0; i < schema.fields.size(); ++i) forms::recheck(st, schema, i);
  }) / 20;
  std::printf("keystroke: %zu-field form, %zu-byte description: set_text %.1f us (%llu field check(s)); "
              "whole form %.1f us\n",
              schema.fields.size(), desc.size(), key_ms * 1000, static_cast<unsigned long long>(per_key),
              full_ms * 1000);
  ubrk_close(bi);
  return sink == 42 ? 1 : 0;
}
