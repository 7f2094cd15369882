// tests/bench/media/compress_bench.cpp — a driver for bench.sh: runs
// core/media's compress() on one file, like `civic compress`, without the
// CLI's dependencies (so the benchmark builds in seconds from core alone).
// Prints one JSON line: output size, quality and milliseconds per stage.
//   compress_bench IN OUT [MAX_EDGE] [MAX_BYTES] [QUALITY]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

#include "core/media/compress.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: compress_bench IN OUT [MAX_EDGE] [MAX_BYTES] [QUALITY]\n");
    return 2;
  }
  std::ifstream f(argv[1], std::ios::binary);
  const std::vector<uint8_t> in((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  civic::media::CompressOptions opt;
  if (argc > 3) opt.max_edge = std::atoi(argv[3]);
  if (argc > 4) opt.max_bytes = static_cast<size_t>(std::atoll(argv[4]));
  if (argc > 5) opt.quality = std::atoi(argv[5]);
  auto c = civic::media::compress(in, opt);
  if (!c) {
    std::fprintf(stderr, "compress failed: %s %s\n", c.error().id.c_str(), c.error().detail.c_str());
    return 1;
  }
  std::ofstream(argv[2], std::ios::binary).write(reinterpret_cast<const char*>(c->jpeg.data()),
                                                  static_cast<std::streamsize>(c->jpeg.size()));
  const auto& ms = c->ms;
  std::printf("{\"width\":%d,\"height\":%d,\"bytes\":%zu,\"quality\":%d,\"ms\":{\"probe\":%.1f,\"decode\":%.1f,"
              "\"resize\":%.1f,\"orient\":%.1f,\"encode\":%.1f,\"hash\":%.1f,\"total\":%.1f}}\n",
              c->width, c->height, c->jpeg.size(), c->quality, ms.probe, ms.decode, ms.resize, ms.orient,
              ms.encode, ms.hash, ms.total);
  return 0;
}
