// core/ime/syllables.cpp — the toneless Pinyin syllable table and the
// splitter. The table is the Scheme of the Chinese Phonetic Alphabet's
// syllables (GB/T 16159 readings without tones), ü written "v".
#include "core/ime/syllables.hpp"

#include <algorithm>

namespace civic::ime {

namespace {

constexpr std::string_view kSyllables[] = {
    "a", "ai", "an", "ang", "ao", "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi", "bian", "biao",
    "bie", "bin", "bing", "bo", "bu", "ca", "cai", "can", "cang", "cao", "ce", "cen", "ceng", "cha", "chai",
    "chan", "chang", "chao", "che", "chen", "cheng", "chi", "chong", "chou", "chu", "chua", "chuai", "chuan",
    "chuang", "chui", "chun", "chuo", "ci", "cong", "cou", "cu", "cuan", "cui", "cun", "cuo", "da", "dai", "dan",
    "dang", "dao", "de", "dei", "den", "deng", "di", "dia", "dian", "diao", "die", "ding", "diu", "dong", "dou",
    "du", "duan", "dui", "dun", "duo", "e", "ei", "en", "eng", "er", "fa", "fan", "fang", "fei", "fen", "feng",
    "fiao", "fo", "fou", "fu", "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen", "geng", "gong", "gou", "gu",
    "gua", "guai", "guan", "guang", "gui", "gun", "guo", "ha", "hai", "han", "hang", "hao", "he", "hei", "hen",
    "heng", "hong", "hou", "hu", "hua", "huai", "huan", "huang", "hui", "hun", "huo", "ji", "jia", "jian",
    "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu", "ju", "juan", "jue", "jun", "ka", "kai", "kan", "kang",
    "kao", "ke", "kei", "ken", "keng", "kong", "kou", "ku", "kua", "kuai", "kuan", "kuang", "kui", "kun", "kuo",
    "la", "lai", "lan", "lang", "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao", "lie", "lin",
    "ling", "liu", "lo", "long", "lou", "lu", "luan", "lue", "lun", "luo", "lv", "lve", "ma", "mai", "man",
    "mang", "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie", "min", "ming", "miu", "mo", "mou",
    "mu", "na", "nai", "nan", "nang", "nao", "ne", "nei", "nen", "neng", "ni", "nian", "niang", "niao", "nie",
    "nin", "ning", "niu", "nong", "nou", "nu", "nuan", "nue", "nuo", "nv", "nve", "o", "ou", "pa", "pai", "pan",
    "pang", "pao", "pei", "pen", "peng", "pi", "pian", "piao", "pie", "pin", "ping", "po", "pou", "pu", "qi",
    "qia", "qian", "qiang", "qiao", "qie", "qin", "qing", "qiong", "qiu", "qu", "quan", "que", "qun", "ran",
    "rang", "rao", "re", "ren", "reng", "ri", "rong", "rou", "ru", "ruan", "rui", "run", "ruo", "sa", "sai",
    "san", "sang", "sao", "se", "sen", "seng", "sha", "shai", "shan", "shang", "shao", "she", "shei", "shen",
    "sheng", "shi", "shou", "shu", "shua", "shuai", "shuan", "shuang", "shui", "shun", "shuo", "si", "song",
    "sou", "su", "suan", "sui", "sun", "suo", "ta", "tai", "tan", "tang", "tao", "te", "tei", "teng", "ti",
    "tian", "tiao", "tie", "ting", "tong", "tou", "tu", "tuan", "tui", "tun", "tuo", "wa", "wai", "wan", "wang",
    "wei", "wen", "weng", "wo", "wu", "xi", "xia", "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu",
    "xu", "xuan", "xue", "xun", "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo", "yong", "you", "yu",
    "yuan", "yue", "yun", "za", "zai", "zan", "zang", "zao", "ze", "zei", "zen", "zeng", "zha", "zhai", "zhan",
    "zhang", "zhao", "zhe", "zhei", "zhen", "zheng", "zhi", "zhong", "zhou", "zhu", "zhua", "zhuai", "zhuan",
    "zhuang", "zhui", "zhun", "zhuo", "zi", "zong", "zou", "zu", "zuan", "zui", "zun", "zuo"};
constexpr size_t kLongest = 6;   // "zhuang", "chuang", "shuang", "xiang"…

struct Walker {
  std::string_view in;
  std::vector<Split> out;
  std::vector<std::string> cur;

  // `at` is a byte offset; apostrophes between syllables are skipped.
  void walk(size_t at) {
    if (out.size() >= kMaxSplits * 4) return;   // enough readings; the rest are sorted away
    while (at < in.size() && in[at] == '\'') ++at;
    if (at == in.size()) {
      if (!cur.empty()) out.push_back({cur, false});
      return;
    }
    size_t end = at;
    while (end < in.size() && in[end] != '\'') ++end;   // a syllable never crosses an apostrophe
    for (size_t n = std::min(kLongest, end - at); n >= 1; --n) {
      std::string_view s = in.substr(at, n);
      if (!is_syllable(s)) continue;
      cur.emplace_back(s);
      walk(at + n);
      cur.pop_back();
    }
    // The last fragment of the whole input may be the start of a syllable
    // (kept only when no complete reading exists, see split()).
    bool last_fragment = end == in.size() && end - at <= kLongest;
    if (last_fragment && !is_syllable(in.substr(at, end - at)) && is_syllable_prefix(in.substr(at, end - at))) {
      cur.emplace_back(in.substr(at, end - at));
      out.push_back({cur, true});
      cur.pop_back();
    }
  }
};

}  // namespace

bool is_syllable(std::string_view s) {
  return std::binary_search(std::begin(kSyllables), std::end(kSyllables), s);
}

bool is_syllable_prefix(std::string_view s) {
  if (s.empty() || s.size() > kLongest) return false;
  auto it = std::lower_bound(std::begin(kSyllables), std::end(kSyllables), s);
  return it != std::end(kSyllables) && it->substr(0, s.size()) == s;
}

std::vector<Split> split(std::string_view input) {
  if (input.empty() || input.size() > kMaxInput) return {};
  for (char c : input)
    if (!(c >= 'a' && c <= 'z') && c != '\'') return {};
  Walker w{input, {}, {}};
  w.walk(0);
  std::stable_sort(w.out.begin(), w.out.end(), [](const Split& a, const Split& b) {
    if (a.partial_last != b.partial_last) return !a.partial_last;
    if (a.syllables.size() != b.syllables.size()) return a.syllables.size() < b.syllables.size();
    for (size_t i = 0; i < a.syllables.size(); ++i)
      if (a.syllables[i].size() != b.syllables[i].size()) return a.syllables[i].size() > b.syllables[i].size();
    return false;
  });
  // "zaoyin" is read as zao yin; a reading that ends in a begun syllable
  // ("zao yi n…") only counts when the letters cannot be read completely.
  if (!w.out.empty() && !w.out.front().partial_last)
    w.out.erase(std::remove_if(w.out.begin(), w.out.end(), [](const Split& s) { return s.partial_last; }),
                w.out.end());
  if (w.out.size() > kMaxSplits) w.out.resize(kMaxSplits);
  return w.out;
}

std::string join(const std::vector<std::string>& syllables) {
  std::string k;
  for (const auto& s : syllables) {
    if (!k.empty()) k += ' ';
    k += s;
  }
  return k;
}

}  // namespace civic::ime
