#!/usr/bin/env bash
# Benchmark of the transaction log reader (issue "Transaction log"), whole process through the product's launcher, warm cache:
# a SYNTHETIC log of SIZE_MB (2 GB by default; VLFs of 64 MB, 4 KB blocks with checksums) read and verified by
# 'pagelens log FILE' (GB/s, target >= 1), its records listed by 'pagelens log --json --records FILE > /dev/null'
# (records/s, target >= 1 million), and the peak resident memory of each (target < 256 MB).
#   releng/bench-log.sh [SIZE_MB] [DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZE_MB=${1:-2048}
DIR=${2:-/tmp}
FILE="$DIR/pagelens-bench-log-${SIZE_MB}m.ldf"
RUNS=${RUNS:-3}
"$ROOT/pagelens" --version >/dev/null   # builds the product when needed
PL="$ROOT/product/target/products/pagelens/linux/gtk/x86_64/pagelens"
[ -f "$FILE" ] || "$PL" specimen "$FILE" --log --size-mb "$SIZE_MB" --vlf-mb 64 2>/dev/null
cat "$FILE" > /dev/null
sleep 10   # a rebuilt product trains its start-up cache in the background on its first command: let it finish
"$PL" log "$FILE" >/dev/null || true   # one unmeasured run
size=$(stat -c %s "$FILE")
records=$("$PL" log --json "$FILE" | python3 -c "import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])['records'])")
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$DIR/pagelens-bench-log.t" "$PL" log "$FILE" >/dev/null || true
  read -r sec rss < "$DIR/pagelens-bench-log.t"
  python3 -c "print(f'pagelens log (read and verify): {$size/1e9:.2f} GB in {$sec:.2f} s: {$size/1e9/$sec:.2f} GB/s (target >= 1); peak RSS {$rss/1024:.0f} MB')"
done
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$DIR/pagelens-bench-log.t" "$PL" log --json --records "$FILE" >/dev/null || true
  read -r sec rss < "$DIR/pagelens-bench-log.t"
  python3 -c "print(f'pagelens log --json --records: {$records:,} records in {$sec:.2f} s: {$records/$sec/1e6:.2f} million records/s (target >= 1); peak RSS {$rss/1024:.0f} MB')"
done
rm -f "$DIR/pagelens-bench-log.t"
