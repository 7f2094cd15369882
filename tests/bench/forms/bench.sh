#!/bin/sh
# tests/bench/forms/bench.sh — figures for core/text and core/forms: grapheme
# counting against ICU (agreement and speed) and the cost of one keystroke's
# validation. Prints figures; asserts nothing.
#   tests/bench/forms/bench.sh [WORKDIR]
# Needs libicu-dev and libphonenumber-dev (Debian) for the references.
set -eu
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=${1:-/tmp/civic-forms-bench}
mkdir -p "$work"
bin="$work/forms_bench"
# core/forms and core/text at the native preset's optimisation (-O2), core alone.
g++ -std=c++20 -O2 -DNDEBUG -DJSON_NOEXCEPTION -I"$here" "$here"/core/forms/*.cpp "$here"/core/text/*.cpp \
  "$here/tests/bench/forms/forms_bench.cpp" $(pkg-config --cflags --libs icu-uc) -o "$bin"
"$bin"

# core/forms' phone check against libphonenumber (libphonenumber-dev).
pbin="$work/phone_bench"
g++ -std=c++20 -O2 -DNDEBUG -DJSON_NOEXCEPTION -I"$here" "$here"/core/forms/*.cpp "$here"/core/text/*.cpp \
  "$here/tests/bench/forms/phone_bench.cpp" -lphonenumber $(pkg-config --libs protobuf icu-uc) -o "$pbin"
"$pbin"
