#!/usr/bin/env bash
# Benchmark: 'pagelens scan' against plain sequential reading ('cat FILE > /dev/null') of the same
# synthetic data file, warm page cache, in one run. Prints throughputs, their ratio (target >= 0.8),
# CPU use (both cores) and the scan's peak memory (target < 256 MB).
#   releng/bench-scan.sh [SIZE_MB] [DIR]     (default 2048 MB in /tmp)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZE_MB=${1:-2048}
DIR=${2:-/tmp}
FILE="$DIR/pagelens-bench-${SIZE_MB}m.mdf"
PL="$ROOT/pagelens"
"$PL" --version >/dev/null   # builds the product when needed
if [ ! -f "$FILE" ]; then
  echo "writing a ${SIZE_MB} MB SYNTHETIC specimen to $FILE ..."
  "$PL" specimen "$FILE" --size-mb "$SIZE_MB" >/dev/null
fi
BYTES=$(stat -c %s "$FILE")
cat "$FILE" > /dev/null; cat "$FILE" > /dev/null   # warm the page cache
JSON=$(mktemp)
RUNS=${RUNS:-5}
cats=(); scans=(); walls=(); rss=0; cpu=""
for i in $(seq 1 "$RUNS"); do   # interleaved, so both see the same machine state
  s=$(date +%s%N); cat "$FILE" > /dev/null; e=$(date +%s%N)
  cats+=($(( (e - s) / 1000000 )))
  s=$(date +%s%N)
  /usr/bin/time -f "%M %U %S %e" -o "$JSON.time" "$PL" scan --json --no-hash "$FILE" > "$JSON" || true
  e=$(date +%s%N)
  walls+=($(( (e - s) / 1000000 )))
  scans+=($(python3 -c "import json; print(json.load(open('$JSON'))['elapsedMillis'])"))
  read r user sys el < "$JSON.time"
  [ "$r" -gt "$rss" ] && rss=$r
  cpu="$cpu $(python3 -c "print(round(($user+$sys)/$el,2))")"
done
summary=$(python3 -c "import json; d=json.load(open('$JSON')); print(d['summary']['error'], d['pages']['total'], d['pages']['checksumOk'])")
python3 - "$BYTES" "${cats[*]}" "${scans[*]}" "${walls[*]}" "$rss" "$cpu" "$summary" "$(nproc)" <<'PY'
import sys, statistics as st
b = int(sys.argv[1]); cats = list(map(int, sys.argv[2].split())); scans = list(map(int, sys.argv[3].split()))
walls = list(map(int, sys.argv[4].split())); rss = int(sys.argv[5]); cpu = sys.argv[6].split()
err, pages, ok = sys.argv[7].split()
mb = b / 1e6
def tp(ms): return mb / (ms / 1000)
print(f"file: {b:,} bytes, {int(pages):,} pages ({ok} checksums verified, {err} errors); {sys.argv[8]} cores; {len(cats)} interleaved runs")
print(f"cat FILE > /dev/null (warm):  median {st.median(cats):.0f} ms = {tp(st.median(cats)):,.0f} MB/s   (runs {cats})")
print(f"pagelens scan (engine time):  median {st.median(scans):.0f} ms = {tp(st.median(scans)):,.0f} MB/s   (runs {scans})")
print(f"ratio scan/cat throughput:    median {st.median(cats)/st.median(scans):.2f}, best-vs-best {min(cats)/min(scans):.2f} (target >= 0.8)")
print(f"whole command incl. JVM and OSGi start: median {st.median(walls):.0f} ms = {tp(st.median(walls)):,.0f} MB/s")
print(f"cores busy (whole command): {' '.join(cpu)}; peak RSS {rss/1024:,.0f} MB (target < 256 MB)")
PY
rm -f "$JSON" "$JSON.time"
