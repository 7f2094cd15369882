// tests/bench/ime/ime_bench.cpp — core/ime's side of the pinyin engine choice
// (issue 9): start (read + parse the generated dictionary), resident memory,
// per-keystroke latency through the composer, and the top candidates for the
// concern words. Prints figures; asserts nothing. Compare with rime_bench.
//   ime_bench PINYIN_TSV
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/ime/composer.hpp"

namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }
long rss_kib() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ime_bench PINYIN_TSV\n");
    return 2;
  }
  long rss0 = rss_kib();
  auto t0 = Clock::now();
  std::ifstream f(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string bytes = ss.str();
  auto d = civic::ime::parse_dictionary(bytes);
  double start_ms = ms_since(t0);
  if (!d) {
    std::fprintf(stderr, "ime: %s\n", d.error().detail.c_str());
    return 1;
  }
  bytes.clear();
  bytes.shrink_to_fit();
  long rss1 = rss_kib();
  const char* words[] = {"zaoyin", "ludeng", "xiaoqu", "wuye", "tousu", "dianhua", "shenzhen", "weixiu"};
  int keys = 0;
  double worst = 0, total = 0;
  std::string worst_at;
  std::vector<double> all;
  for (int round = 0; round < 50; ++round)
    for (const char* w : words) {
      civic::ime::Composer c;
      for (const char* p = w; *p; ++p) {
        auto k = Clock::now();
        civic::ime::type(c, *d, *p);
        double ms = ms_since(k);
        total += ms;
        all.push_back(ms);
        if (ms > worst) worst = ms, worst_at = std::string(w, p + 1);
        ++keys;
      }
      if (round == 0) {
        std::printf("core  %-9s ->", w);
        for (size_t i = 0; i < c.list.size() && i < 5; ++i) std::printf(" %s", c.list[i].text.c_str());
        std::printf("\n");
      }
    }
  std::printf("core  start (read + parse %zu entries) %.0f ms\n", d->entries.size(), start_ms);
  std::sort(all.begin(), all.end());
  std::printf("core  per keystroke (type + candidates): mean %.3f ms, p99 %.3f ms, worst %.3f ms (at \"%s\") over %d keys\n",
              total / keys, all[all.size() * 99 / 100], worst, worst_at.c_str(), keys);
  std::printf("core  resident memory: %ld KiB before, %ld KiB after loading (+%ld KiB)\n", rss0, rss1, rss1 - rss0);
  return 0;
}
