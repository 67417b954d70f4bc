#!/usr/bin/env bash
# Start-up of the command line, whole process, warm cache, median of RUNS (default 5): `pagelens --version` and
# `pagelens identify FILE`, through the product's launcher and through ./pagelens (the checkout's command), plus
# `pagelens scan --no-hash` of a 2 GB specimen beside `cat FILE > /dev/null`.
#   releng/bench-start.sh [FILE] [SCAN_FILE]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}
"$ROOT/pagelens" --version >/dev/null   # builds the product when needed, and trains the start-up cache
PRODUCT="$ROOT/product/target/products/pagelens/linux/gtk/x86_64/pagelens"
FILE=${1:-$ROOT/README.md}
SCAN=${2:-/tmp/pagelens-bench-2048m.mdf}
[ -f "$SCAN" ] || "$ROOT/pagelens" specimen "$SCAN" --size-mb 2048 >/dev/null
# the first run after a build trains the start-up cache in the background ('pagelens warmup'): wait for it to finish
sleep 1
for _ in $(seq 1 120); do pgrep -f "PageLensCli warmup" >/dev/null || pgrep -f "AOTMode=create" >/dev/null || break; sleep 0.5; done
median() { python3 -c "import sys,statistics; v=[float(x) for x in sys.argv[1:]]; print(f'median {statistics.median(v):.3f} s  (runs {\" \".join(f\"{x:.3f}\" for x in v)})')" "$@"; }
timeit() { local t=(); for i in $(seq 1 "$RUNS"); do s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); t+=("$(python3 -c "print(($e-$s)/1e9)")"); done; median "${t[@]}"; }
cat "$SCAN" > /dev/null
echo "product launcher: pagelens --version          $(timeit "$PRODUCT" --version)"
echo "product launcher: pagelens identify FILE      $(timeit "$PRODUCT" identify "$FILE")"
echo "checkout:         ./pagelens --version        $(timeit "$ROOT/pagelens" --version)"
echo "checkout:         ./pagelens identify FILE    $(timeit "$ROOT/pagelens" identify "$FILE")"
echo "cat 2 GB > /dev/null                          $(timeit cat "$SCAN")"
echo "product launcher: pagelens scan --no-hash 2 GB $(timeit "$PRODUCT" scan --no-hash "$SCAN")"
/usr/bin/time -f "peak RSS of the scan: %M KB" "$PRODUCT" scan --no-hash "$SCAN" >/dev/null
