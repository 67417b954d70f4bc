#!/usr/bin/env bash
# Backup benchmark (issue "Backups"): writes SYNTHETIC backup specimens with the specimen generator and prints
#  - the time to read the headers, the file list and the boot page of a small and of a large backup (it must not
#    grow with the size: well under 2 s for 2 GB),
#  - full verification throughput against a raw sequential read of the same file,
#  - decompression throughput on the compressed sample backup when ../shared/samples is there.
# Usage: releng/bench-backup.sh [SIZE_MB]   (default 2048; files go to .bench/, reused when present)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-2048}
dir=.bench
mkdir -p "$dir"
small="$dir/specimen-64m.bak"
large="$dir/specimen-${size_mb}m.bak"
[ -f "$small" ] || ./pagelens specimen --backup --size-mb 64 --name BenchSmall "$small"
[ -f "$large" ] || ./pagelens specimen --backup --size-mb "$size_mb" --name BenchLarge "$large"
run() { # the CLI prints its own phase timings (in-process, without JVM start-up) on standard error
  local rc=0
  ./pagelens backup --timing "$@" > /dev/null 2> "$dir/err.txt" || rc=$?
  grep '^timing:' "$dir/err.txt" | sed 's/^/    /'
  [ "$rc" -le 1 ] || { cat "$dir/err.txt"; exit "$rc"; }
}
echo "== headers, file list and boot page"
for f in "$small" "$large"; do
  echo "  $f ($(du -h --apparent-size "$f" | cut -f1))"
  run --headers "$f"
done
echo "== full read and verification, warm (the file in the page cache, as the raw read the CLI does after it)"
cat "$large" > /dev/null
run "$large"
if ( sync && echo 3 > /proc/sys/vm/drop_caches ) 2> /dev/null; then
  echo "== cold (page cache dropped before each run)"
  raw=$(dd if="$large" of=/dev/null bs=4M 2>&1 | tail -1)
  echo "    raw read with dd: $raw"
  sync; echo 3 > /proc/sys/vm/drop_caches
  run "$large" | head -1
else
  echo "== cold: skipped (cannot drop the page cache without root)"
fi
sample=../shared/samples/datatable-compressed-peterezz/Database.bak
if [ -f "$sample" ]; then
  echo "== compressed sample (MS-XCA decompression)"
  run "$sample"
else
  echo "== compressed sample: skipped ($sample absent)"
fi
