#!/usr/bin/env bash
# ./run.sh — try Civic Desk locally: bootstrap, build, and start the reference
# server with its SQLite database in var/ (created and seeded on first start),
# serving the web app at / and GeoReport v2 at /open311/v2/. PORT sets the
# port (default 8080). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap
export NODE_PATH=/usr/share/nodejs
for p in native wasm; do
  [[ -f build/$p/build.ninja ]] || cmake --preset "$p" >/dev/null
done
cmake --build --preset native
cmake --build --preset wasm
mkdir -p var
exec build/native/bin/civic-server --port "${PORT:-8080}" --db var/civic.db --web build/web --media var/media
