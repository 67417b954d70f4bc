#!/usr/bin/env bash
# Benchmark of 'pagelens preflight' (issue "Migration preflight"): COUNT (default 1000) SYNTHETIC backups of SIZE_MB
# (default 4) made by the specimen generator (one is written, the rest are copies of it under other names), checked
# against Managed Instance General Purpose through the product's launcher, warm page cache. Prints the wall time, the
# files per second and the peak memory (targets: 1,000 backups of 4 MB in at most 20 s on 2 cores; at most 256 MB).
# COMPRESSED=1: the backups are compressed (MSSQLBAK, MS-XCA chunks: 'pagelens specimen --backup --compressed').
#   releng/bench-preflight.sh [COUNT] [SIZE_MB] [DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${1:-1000}
SIZE_MB=${2:-4}
KIND=${COMPRESSED:+compressed}
DIR=${3:-$ROOT/.bench/preflight-${COUNT}x${SIZE_MB}m${KIND:+-$KIND}}
"$ROOT/pagelens" --version >/dev/null   # builds the product when needed
PL="$ROOT/product/target/products/pagelens/linux/gtk/x86_64/pagelens"
if [ ! -f "$DIR/db-$(printf %05d "$COUNT").bak" ]; then
  mkdir -p "$DIR"
  rm -f "$DIR/first.bak"
  "$PL" specimen "$DIR/first.bak" --size-mb "$SIZE_MB" --backup ${COMPRESSED:+--compressed} >/dev/null
  for i in $(seq 1 "$COUNT"); do cp "$DIR/first.bak" "$DIR/db-$(printf %05d "$i").bak"; done
  rm -f "$DIR/first.bak"
fi
cat "$DIR"/*.bak > /dev/null
/usr/bin/time -f "%e %M" -o "$DIR.time" "$PL" preflight --target mi-gp --csv "$DIR.csv" "$DIR" > "$DIR.out" 2>/dev/null || true
read -r wall rss < "$DIR.time"
tail -1 "$DIR.out"
python3 - "$COUNT" "$SIZE_MB" "$wall" "$rss" "${KIND:+$KIND }" <<'PY'
import sys
n, mb, w, rss = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"{n} {sys.argv[5]}backups of {mb} MB: {w:.1f} s wall ({n / w:.0f} files/s), peak RSS {rss / 1024:.0f} MB; targets: <= 20 s, <= 256 MB")
PY
