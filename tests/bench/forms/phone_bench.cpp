// tests/bench/forms/phone_bench.cpp — core/forms' phone check against Google's
// libphonenumber (Debian libphonenumber-dev, the reference most apps use) on
// a deterministic corpus of mainland-looking numbers, driven by bench.sh.
// Prints agreement per class of number and the speed of both; asserts nothing.
// Expected differences: libphonenumber knows which number blocks are actually
// allocated and each area code's local length; core/forms checks the format
// only (1[3-9] + 9 digits, area code + 7-8 digits), on purpose: allocation
// changes every year and a resident's real number must never be refused.
#include <phonenumbers/phonenumberutil.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/forms/validators.hpp"

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using Clock = std::chrono::steady_clock;

namespace {
uint64_t rng = 0x2545F4914F6CDD1Dull;
uint64_t next() {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}
std::string digits(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += static_cast<char>('0' + next() % 10);
  return s;
}
const char* kAreas[] = {"10", "20", "21", "22", "23", "24", "25", "27", "28", "29", "755", "571", "851", "371", "591", "898"};
}  // namespace

int main() {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  struct Class { const char* name; int n = 0, agree = 0, we_only = 0, lpn_only = 0; };
  std::map<std::string, Class> classes;
  std::vector<std::string> corpus;
  std::vector<std::string> names;
  for (int i = 0; i < 60000; ++i) {
    std::string s, cls;
    switch (i % 6) {
      case 0: s = "1" + std::to_string(3 + next() % 7) + digits(9); cls = "mobile 1[3-9]"; break;
      case 1: s = "+86 1" + std::to_string(3 + next() % 7) + digits(9); cls = "mobile +86"; break;
      case 2: s = "1" + digits(next() % 3 + 9); cls = "1 + 9..11 random digits"; break;
      case 3: {
        const char* a = kAreas[next() % std::size(kAreas)];
        s = std::string("0") + a + "-" + std::to_string(2 + next() % 8) + digits(a[2] ? 6 + next() % 2 : 7);
        cls = "landline, real area code";
        break;
      }
      case 4: s = "0" + digits(next() % 6 + 8); cls = "0 + 8..13 random digits"; break;
      default: s = "+" + std::to_string(1 + next() % 9) + digits(next() % 10 + 5); cls = "+ random digits"; break;
    }
    corpus.push_back(s);
    names.push_back(cls);
  }
  for (size_t i = 0; i < corpus.size(); ++i) {
    bool ours = civic::forms::normalize_phone(corpus[i]).ok();
    PhoneNumber pn;
    bool lpn = util->Parse(corpus[i], "CN", &pn) == PhoneNumberUtil::NO_PARSING_ERROR && util->IsValidNumber(pn);
    Class& c = classes[names[i]];
    ++c.n;
    if (ours == lpn) ++c.agree;
    else if (ours) ++c.we_only;
    else ++c.lpn_only;
  }
  std::printf("%-28s %7s %8s %12s %12s\n", "phone class", "n", "agree%", "civic-only", "libphonenum-only");
  for (const auto& [name, c] : classes)
    std::printf("%-28s %7d %8.2f %12d %12d\n", name.c_str(), c.n, 100.0 * c.agree / c.n, c.we_only, c.lpn_only);

  size_t sink = 0;
  auto t0 = Clock::now();
  for (const auto& s : corpus) sink += civic::forms::normalize_phone(s).ok();
  double ours_us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / corpus.size();
  t0 = Clock::now();
  for (const auto& s : corpus) {
    PhoneNumber pn;
    sink += util->Parse(s, "CN", &pn) == PhoneNumberUtil::NO_PARSING_ERROR && util->IsValidNumber(pn);
  }
  double lpn_us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / corpus.size();
  std::printf("phone speed: civic %.2f us/number, libphonenumber %.2f us/number (%zu)\n", ours_us, lpn_us, sink);
  return 0;
}
