#!/bin/sh
# tests/bench/media/bench.sh — core/media against the tools people use today,
# on the same 12 MP and 48 MP photos (scripts/make-test-photos bench), in the
# same run. Prints figures; asserts nothing (load on a shared machine moves
# timings). Per tool and photo: best wall time of RUNS runs, user+sys CPU,
# peak RSS (/usr/bin/time -v), output bytes, and PSNR against a high-quality
# reference (ImageMagick Lanczos in linear light, to PNG).
#   tests/bench/media/bench.sh [WORKDIR]      RUNS=3 by default
# Peers: vipsthumbnail -s 2048 ...[Q=80,strip] (libvips-tools) and
# ImageMagick convert -auto-orient -resize 2048x2048 -strip -quality 80.
# Levers measured too: stb_image decode alone vs libjpeg-turbo's djpeg at full
# and at DCT-reduced scale.
set -eu
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=${1:-/tmp/civic-media-bench}
runs=${RUNS:-3}
IM=/usr/bin/convert
mkdir -p "$work"
[ -f "$work/photo-48mp.jpg" ] || "$here/scripts/make-test-photos" bench "$work" >/dev/null

# The driver: core/media at the native preset's optimisation (-O2), core alone.
bin="$work/compress_bench"
g++ -std=c++20 -O2 -DNDEBUG -DJSON_NOEXCEPTION -I"$here" "$here"/core/media/*.cpp \
  "$here/tests/bench/media/compress_bench.cpp" -lsodium -ljpeg -o "$bin"

# measure NAME CMD... -> "wall_s cpu_s rss_kb" (best wall of $runs)
measure() {
  best=""
  i=0
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; return 1; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(j=1;j<=n;j++) s=s*60+a[j]; print s}' "$work/time.txt")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; bcpu=$cpu; brss=$rss; fi
    i=$((i + 1))
  done
  echo "$best $bcpu $brss"
}

psnr() { /usr/bin/compare -metric PSNR "$1" "$2" null: 2>&1 || true; }

printf '%-6s %-14s %8s %8s %9s %9s %7s\n' photo tool wall_s cpu_s rss_MB bytes PSNR_dB
for mp in 12mp 48mp; do
  in="$work/photo-$mp.jpg"
  ref="$work/ref-$mp.png"
  [ -f "$ref" ] || $IM "$in" -auto-orient -colorspace RGB -filter Lanczos -resize 2048x2048 -colorspace sRGB "$ref"
  for tool in civic vipsthumbnail convert; do
    out="$work/out-$mp-$tool.jpg"
    case $tool in
      civic) set -- "$bin" "$in" "$out" 2048 0 80 ;;
      vipsthumbnail) set -- vipsthumbnail "$in" -s 2048 -o "$out[Q=80,strip]" ;;
      convert) set -- $IM "$in" -auto-orient -resize 2048x2048 -strip -quality 80 "$out" ;;
    esac
    r=$(measure "$@")
    set -- $r
    printf '%-6s %-14s %8.3f %8.3f %9.1f %9d %7s\n' "$mp" "$tool" "$1" "$2" "$(echo "$3" | awk '{print $1/1024}')" \
      "$(stat -c %s "$out")" "$(psnr "$ref" "$out")"
    [ "$tool" = civic ] && "$bin" "$in" "$out" 2048 0 80 > "$work/stages-$mp.json"
  done
  echo "  civic stages ($mp): $(cat "$work/stages-$mp.json")"
  # Decoder levers: libjpeg-turbo full size and DCT-scaled, for comparison with stb's decode above.
  for scale in 1/1 1/2 1/4; do
    r=$(measure djpeg -scale $scale -outfile /dev/null "$in")
    set -- $r
    echo "  djpeg -scale $scale ($mp): wall ${1}s cpu ${2}s rss $(echo "$3" | awk '{print $1/1024}') MB"
  done
done
