#!/usr/bin/env bash
# Workbench start-up, whole process, warm cache (issue "Ship it"): the product's launcher started with one evidence file
# under Xvfb, timed from the launch to the window showing an editor on that file, painted (the workbench writes the time
# to PAGELENS_STARTUP_MARK then). Median of RUNS (default 5), after one unmeasured run that warms the caches.
#   releng/bench-workbench.sh [FILE]      (default: a SYNTHETIC 64 MB specimen with damage)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}
"$ROOT/pagelens" --version >/dev/null   # builds the product when needed
PRODUCT="$ROOT/product/target/products/pagelens/linux/gtk/x86_64/pagelens"
FILE=${1:-/tmp/pagelens-bench-wb-64m.mdf}
[ -f "$FILE" ] || "$PRODUCT" specimen "$FILE" --size-mb 64 --damage >/dev/null
STATE=$(mktemp -d /tmp/pagelens-bench-wb.XXXXXX)
XVFB=""
if [ -z "${DISPLAY:-}" ]; then
  for d in $(seq 90 120); do [ -e /tmp/.X11-unix/X$d ] || break; done
  Xvfb ":$d" -screen 0 1400x950x24 >/dev/null 2>&1 &
  XVFB=$!
  export DISPLAY=":$d"
  sleep 1
fi
trap '[ -n "$XVFB" ] && kill $XVFB 2>/dev/null; rm -rf "$STATE"' EXIT
one() {
  rm -f "$STATE/mark"
  local s pid e
  s=$(date +%s%3N)
  PAGELENS_HOME="$STATE/home" PAGELENS_STARTUP_MARK="$STATE/mark" "$PRODUCT" "$FILE" >"$STATE/out.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do [ -s "$STATE/mark" ] && break; sleep 0.01; done
  e=$(cat "$STATE/mark" 2>/dev/null || echo "")
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  [ -n "$e" ] || { echo "no window after 30 s; the end of the log:" >&2; tail "$STATE/out.log" >&2; exit 1; }
  python3 -c "print(($e - $s) / 1000)"
}
one >/dev/null   # first run: a new configuration area, cold caches
# Java 25+: the first session's AOT cache is assembled in the background after it ends: wait for it
for _ in $(seq 1 1200); do ls "$STATE"/home/workbench-*.training >/dev/null 2>&1 || break; sleep 0.1; done
t=()
for i in $(seq 1 "$RUNS"); do t+=("$(one)"); done
python3 -c "import sys,statistics; v=[float(x) for x in sys.argv[1:]]; print(f'workbench start to the evidence shown: median {statistics.median(v):.2f} s (runs {\" \".join(f\"{x:.2f}\" for x in v)})')" "${t[@]}"
