// tests/core/ime_test_dict.hpp — the generated pinyin dictionary
// (build/<preset>/ime/pinyin.tsv, CIVIC_PINYIN_DICT), read once per test run.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "core/ime/dictionary.hpp"

inline const civic::ime::Dictionary& test_pinyin_dict() {
  static const civic::ime::Dictionary dict = [] {
    std::ifstream f(CIVIC_PINYIN_DICT, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    auto r = civic::ime::parse_dictionary(ss.str());
    return r ? r.value() : civic::ime::Dictionary{};
  }();
  return dict;
}
