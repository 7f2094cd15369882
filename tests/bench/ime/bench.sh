#!/bin/sh
# tests/bench/ime/bench.sh — the figures behind the pinyin engine choice
# (issue 9): core/ime (our engine over the generated dictionary) against
# librime with the same data (Debian's rime-data-pinyin-simp): start time,
# resident memory, per-keystroke latency, top candidates, and the size of
# what each adds to the kiosk. Prints figures; asserts nothing.
#   tests/bench/ime/bench.sh [WORKDIR]
# The librime half needs librime-dev (Debian; not a build dependency) and is
# skipped without it.
set -eu
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=${1:-/tmp/civic-ime-bench}
mkdir -p "$work"
dict="$work/pinyin.tsv"
node "$here/scripts/make-pinyin-dict.mjs" /usr/share/rime-data/pinyin_simp.dict.yaml "$dict"
g++ -std=c++20 -O2 -DNDEBUG -DJSON_NOEXCEPTION -I"$here" "$here"/core/ime/*.cpp "$here"/core/text/utf8.cpp \
  "$here/tests/bench/ime/ime_bench.cpp" -o "$work/ime_bench"
echo "== core/ime"
"$work/ime_bench" "$dict"
echo "core  data: $(wc -c < "$dict") bytes generated; code: $(size -A "$work/ime_bench" | awk '/^.text/ {print $2}') bytes of .text in the bench binary, no shared library"

if pkg-config --exists rime 2>/dev/null; then
  g++ -std=c++20 -O2 "$here/tests/bench/ime/rime_bench.cpp" $(pkg-config --cflags --libs rime) -o "$work/rime_bench"
  echo "== librime $(pkg-config --modversion rime), schema pinyin_simp"
  # Warm: Debian ships the compiled schema; the user data dir starts empty.
  rm -rf "$work/rime-user" && mkdir -p "$work/rime-user"
  "$work/rime_bench" /usr/share/rime-data "$work/rime-user"
  echo "rime  user data dir after one session: $(du -sk "$work/rime-user" | cut -f1) KiB ($(ls "$work/rime-user" | tr '\n' ' '))"
  # Cold: deploying (compiling) the schemas from their sources, as after an update.
  if command -v rime_deployer >/dev/null; then
    rm -rf "$work/rime-src" "$work/rime-cold" && mkdir -p "$work/rime-src" "$work/rime-cold"
    cp /usr/share/rime-data/*.yaml "$work/rime-src/"
    t0=$(date +%s%N)
    (cd "$work" && rime_deployer --build "$work/rime-cold" "$work/rime-src" >/dev/null 2>&1) || true
    echo "rime  deploy from sources (rime_deployer --build): $(( ($(date +%s%N) - t0) / 1000000 )) ms, $(du -sk "$work/rime-cold/build" | cut -f1) KiB compiled"
  fi
  lib=$(readlink -f "$(pkg-config --variable=libdir rime)/librime.so.1")
  deps=$(ldd "$lib" | awk '{print $3}' | grep / | xargs -r readlink -f | sort -u | xargs -r du -cb | tail -1 | cut -f1)
  echo "rime  librime.so $(du -b "$lib" | cut -f1) bytes; with its shared-library dependencies $deps bytes"
else
  echo "== librime: librime-dev not installed, skipped"
fi
