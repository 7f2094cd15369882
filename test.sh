#!/usr/bin/env bash
# ./test.sh — everything CI checks, from a fresh clone or an already built tree:
# bootstrap (installs what is missing), build the native, native-asan and wasm
# presets (incremental, ccache'd), then run every test through ctest:
#   native-asan  core unit tests under ASan+UBSan, libFuzzer targets (bounded)
#   wasm         the same core unit tests compiled to wasm, under Node
#   native       CLI, server integration over loopback, headless-Chromium and
#                xvfb kiosk tests (each starts and stops its own server)
# Exits non-zero when anything fails. One test: see README ("Running one test").
set -euo pipefail
cd "$(dirname "$0")"
start=$(date +%s)
scripts/bootstrap
export NODE_PATH=/usr/share/nodejs

presets=(native-asan wasm native)
for p in "${presets[@]}"; do
  echo "== build $p"
  cmake --preset "$p" >/dev/null
  cmake --build --preset "$p"
done

passed=0 failed=0 status=0
for p in "${presets[@]}"; do
  echo "== test $p"
  log=$(mktemp)
  jobs=2
  [[ $p == native ]] && jobs=1   # browser and kiosk tests each want a core of their own
  if ! ctest --preset "$p" -j"$jobs" 2>&1 | tee "$log"; then status=1; fi
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1 || true)
  if [[ -z "$line" ]]; then
    echo "test.sh: ctest for $p printed no summary"; status=1
  else
    total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
    f=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")
    passed=$((passed + total - f)); failed=$((failed + f))
  fi
  rm -f "$log"
done
echo "test.sh: $(( $(date +%s) - start )) s"
echo "total: $passed passed, $failed failed"
if ((failed > 0)); then status=1; fi
exit $status
