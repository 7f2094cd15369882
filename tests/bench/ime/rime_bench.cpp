// tests/bench/ime/rime_bench.cpp — the librime side of the pinyin engine
// choice (issue 9): first-start ("deploy") time into an empty user data dir,
// a warm start, resident memory, per-keystroke latency and the top candidates
// for the concern words. Prints figures; asserts nothing.
//   rime_bench SHARED_DATA_DIR USER_DATA_DIR
#include <rime_api.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}
long rss_kib() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: rime_bench SHARED_DATA_DIR USER_DATA_DIR\n");
    return 2;
  }
  long rss0 = rss_kib();
  RIME_STRUCT(RimeTraits, traits);
  traits.shared_data_dir = argv[1];
  traits.user_data_dir = argv[2];
  traits.distribution_name = "civic-bench";
  traits.distribution_code_name = "civic-bench";
  traits.distribution_version = "1";
  traits.app_name = "rime.civic-bench";
  traits.min_log_level = 3;
  RimeApi* rime = rime_get_api();
  auto t0 = Clock::now();
  rime->setup(&traits);
  rime->initialize(&traits);
  rime->start_maintenance(True);
  rime->join_maintenance_thread();
  double start_ms = ms_since(t0);
  auto t1 = Clock::now();
  RimeSessionId s = rime->create_session();
  if (!s || !rime->select_schema(s, "pinyin_simp")) {
    std::fprintf(stderr, "rime: no session or no pinyin_simp schema\n");
    return 1;
  }
  double session_ms = ms_since(t1);
  const char* words[] = {"zaoyin", "ludeng", "xiaoqu", "wuye", "tousu", "dianhua", "shenzhen", "weixiu"};
  int keys = 0;
  double worst = 0, total = 0;
  std::vector<double> all;
  for (int round = 0; round < 50; ++round)
    for (const char* w : words) {
      for (const char* p = w; *p; ++p) {
        auto k = Clock::now();
        rime->process_key(s, *p, 0);
        RIME_STRUCT(RimeContext, ctx);
        rime->get_context(s, &ctx);
        rime->free_context(&ctx);
        double d = ms_since(k);
        total += d;
        all.push_back(d);
        worst = d > worst ? d : worst;
        ++keys;
      }
      if (round == 0) {
        RIME_STRUCT(RimeContext, ctx);
        rime->get_context(s, &ctx);
        std::printf("rime  %-9s ->", w);
        for (int i = 0; i < ctx.menu.num_candidates && i < 5; ++i) std::printf(" %s", ctx.menu.candidates[i].text);
        std::printf("\n");
        rime->free_context(&ctx);
      }
      rime->clear_composition(s);
    }
  std::printf("rime  start (setup+initialize+maintenance) %.0f ms, session+schema %.1f ms\n", start_ms, session_ms);
  std::sort(all.begin(), all.end());
  std::printf("rime  per keystroke (process_key+get_context): mean %.3f ms, p99 %.3f ms, worst %.3f ms over %d keys\n",
              total / keys, all[all.size() * 99 / 100], worst, keys);
  std::printf("rime  resident memory: %ld KiB before, %ld KiB after (+%ld KiB)\n", rss0, rss_kib(),
              rss_kib() - rss0);
  rime->destroy_session(s);
  rime->finalize();
  return 0;
}
