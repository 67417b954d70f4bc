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
best_cat=999999
for i in 1 2 3; do
  s=$(date +%s%N); cat "$FILE" > /dev/null; e=$(date +%s%N)
  t=$(( (e - s) / 1000000 )); [ "$t" -lt "$best_cat" ] && best_cat=$t
done
JSON=$(mktemp)
best_scan=999999; wall_ms=0; rss=0; cpu=0
for i in 1 2 3; do
  s=$(date +%s%N)
  /usr/bin/time -f "%M %U %S %e" -o "$JSON.time" "$PL" scan --json --no-hash "$FILE" > "$JSON" || true
  e=$(date +%s%N)
  t=$(python3 -c "import json,sys; print(json.load(open('$JSON'))['elapsedMillis'])")
  if [ "$t" -lt "$best_scan" ]; then
    best_scan=$t; wall_ms=$(( (e - s) / 1000000 ))
    read rss user sys el < "$JSON.time"; cpu=$(python3 -c "print(round(($user+$sys)/$el,2))")
  fi
done
errors=$(python3 -c "import json; d=json.load(open('$JSON')); print(d['summary']['error'], d['pages']['total'], d['pages']['checksumOk'])")
python3 - "$BYTES" "$best_cat" "$best_scan" "$wall_ms" "$rss" "$cpu" "$errors" <<'PY'
import sys
b, cat, scan, wall, rss, cpu = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
err, pages, ok = sys.argv[7].split()
mb = b / 1e6
print(f"file: {b:,} bytes, {int(pages):,} pages ({ok} checksums verified, {err} errors)")
print(f"cat FILE > /dev/null (warm, best of 3): {cat} ms = {mb/(cat/1000):,.0f} MB/s")
print(f"pagelens scan engine (best of 3):       {scan} ms = {mb/(scan/1000):,.0f} MB/s  -> ratio {cat/scan:.2f} (target >= 0.8)")
print(f"pagelens scan whole command (JVM + OSGi start included): {wall} ms = {mb/(wall/1000):,.0f} MB/s -> ratio {cat/wall:.2f}")
print(f"scan CPU use: {cpu} cores busy on average (whole command); peak RSS {rss/1024:,.0f} MB (target < 256 MB)")
PY
rm -f "$JSON" "$JSON.time"
