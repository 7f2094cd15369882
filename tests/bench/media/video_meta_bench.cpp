// tests/bench/media/video_meta_bench.cpp — how long blanking a picked
// video's location takes (core/media/video_meta), on the largest file the
// app accepts (20 MiB), in the layouts that cost the walk the most: moov at
// the end behind one big mdat (a phone's camera), an iPhone MOV with its
// location keys, and a fragmented MP4 of 2,000 moof/mdat pairs (every
// top-level box is a header read). Prints figures; asserts nothing.
//   g++ -std=c++20 -O2 -DNDEBUG -I. core/media/video_meta.cpp \
//       tests/bench/media/video_meta_bench.cpp -o /tmp/video_meta_bench && /tmp/video_meta_bench
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/media/video_meta.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

void put32(Bytes& b, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(std::uint8_t(v >> s));
}
// Appends a box whose payload `fill` writes; patches its size afterwards.
template <class Fill>
void box(Bytes& b, const char* type, Fill fill) {
  const std::size_t at = b.size();
  put32(b, 0);
  b.insert(b.end(), type, type + 4);
  fill(b);
  const std::uint32_t n = std::uint32_t(b.size() - at);
  for (int i = 0; i < 4; ++i) b[at + i] = std::uint8_t(n >> (24 - 8 * i));
}
void text(Bytes& b, const std::string& s) { b.insert(b.end(), s.begin(), s.end()); }
void ftyp(Bytes& b, const char* brand) {
  box(b, "ftyp", [&](Bytes& x) { text(x, brand); put32(x, 0x200); text(x, brand); });
}
void mvhd(Bytes& b) {
  box(b, "mvhd", [](Bytes& x) { put32(x, 0); put32(x, 0); put32(x, 0); put32(x, 600); put32(x, 36000); x.resize(x.size() + 80); });
}
void mdat(Bytes& b, std::size_t n) {
  box(b, "mdat", [&](Bytes& x) {
    std::uint32_t r = 0x9E3779B9;
    for (std::size_t i = 0; i < n; ++i) { r ^= r << 13; r ^= r >> 17; r ^= r << 5; x.push_back(std::uint8_t(r)); }
  });
}
// A track: tkhd, and an stbl whose stco lists `chunks` offsets (the bytes a
// walk skips without entering).
void trak(Bytes& b, int chunks) {
  box(b, "trak", [&](Bytes& t) {
    box(t, "tkhd", [](Bytes& x) { x.resize(x.size() + 84); });
    box(t, "mdia", [&](Bytes& m) {
      box(m, "stco", [&](Bytes& x) { put32(x, 0); put32(x, std::uint32_t(chunks)); for (int i = 0; i < chunks; ++i) put32(x, 48 + 4096u * i); });
    });
  });
}
const std::string kWhere = "+22.5431+114.0579/";

Bytes android(std::size_t total) {
  Bytes b;
  ftyp(b, "isom");
  mdat(b, total - 40'000);
  box(b, "moov", [](Bytes& m) {
    mvhd(m);
    trak(m, 4000);
    trak(m, 2000);
    box(m, "udta", [](Bytes& u) {
      box(u, "\xA9xyz", [](Bytes& x) { x.push_back(0); x.push_back(std::uint8_t(kWhere.size())); x.push_back(0x15); x.push_back(0xC7); text(x, kWhere); });
    });
  });
  return b;
}

Bytes iphone(std::size_t total) {
  Bytes b;
  ftyp(b, "qt  ");
  box(b, "wide", [](Bytes&) {});
  mdat(b, total - 40'000);
  box(b, "moov", [](Bytes& m) {
    mvhd(m);
    trak(m, 4000);
    box(m, "meta", [](Bytes& meta) {
      box(meta, "hdlr", [](Bytes& x) { x.resize(x.size() + 8); text(x, "mdta"); x.resize(x.size() + 13); });
      const std::vector<std::pair<std::string, std::string>> kv = {
          {"com.apple.quicktime.location.accuracy.horizontal", "14.989691"},
          {"com.apple.quicktime.location.ISO6709", "+22.5431+114.0579+012.345/"},
          {"com.apple.quicktime.make", "Apple"},
          {"com.apple.quicktime.model", "iPhone 13"}};
      box(meta, "keys", [&](Bytes& x) {
        put32(x, 0);
        put32(x, std::uint32_t(kv.size()));
        for (const auto& [k, v] : kv) { put32(x, std::uint32_t(8 + k.size())); text(x, "mdta"); text(x, k); }
      });
      box(meta, "ilst", [&](Bytes& l) {
        for (std::size_t i = 0; i < kv.size(); ++i) {
          const std::size_t at = l.size();
          put32(l, 0);
          put32(l, std::uint32_t(i + 1));
          box(l, "data", [&](Bytes& x) { put32(x, 1); put32(x, 0); text(x, kv[i].second); });
          const std::uint32_t n = std::uint32_t(l.size() - at);
          for (int k = 0; k < 4; ++k) l[at + k] = std::uint8_t(n >> (24 - 8 * k));
        }
      });
    });
  });
  return b;
}

Bytes fragmented(std::size_t total, int fragments) {
  Bytes b;
  ftyp(b, "iso6");
  box(b, "moov", [](Bytes& m) { mvhd(m); trak(m, 0); box(m, "udta", [](Bytes& u) { box(u, "loci", [](Bytes& x) { x.resize(x.size() + 40, 7); }); }); });
  const std::size_t each = (total - b.size()) / std::size_t(fragments) - 40;
  for (int i = 0; i < fragments; ++i) {
    box(b, "moof", [](Bytes& x) { x.resize(x.size() + 24); });
    mdat(b, each);
  }
  return b;
}

void run(const char* name, const Bytes& file) {
  double best = 1e9;
  int blanked = 0;
  std::uint64_t ms = 0;
  for (int i = 0; i < 20; ++i) {
    Bytes b = file;   // a fresh copy: the first pass is the one that blanks
    const auto t0 = std::chrono::steady_clock::now();
    auto r = civic::media::blank_video_location(b);
    const double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!r) { std::printf("%s: refused: %s\n", name, r.error().detail.c_str()); return; }
    blanked = r->blanked;
    ms = r->duration_ms;
    if (took < best) best = took;
  }
  std::printf("%-44s %6.2f MiB  %8.3f ms (best of 20)  blanked %d  duration %llu ms\n", name, file.size() / 1048576.0, best,
              blanked, static_cast<unsigned long long>(ms));
}

}  // namespace

int main() {
  const std::size_t total = 20u << 20;
  run("Android MP4, moov at the end, ©xyz", android(total));
  run("iPhone MOV, location keys in moov/meta", iphone(total));
  run("fragmented MP4, 2,000 moof/mdat pairs, loci", fragmented(total, 2000));
}
