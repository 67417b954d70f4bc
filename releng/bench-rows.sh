#!/usr/bin/env bash
# Benchmark of table rows (issue "Rows"): on a SYNTHETIC 2 GB data file whose table dbo.Customers holds about 13 million
# rows of simple types (int, bigint, datetime, char, varchar, nvarchar), warm page cache:
#   - decoding on ONE thread in one process (releng/bench/RowsBench.java): MB/s of table pages, rows/s (target >= 300 MB/s);
#   - 'pagelens rows FILE Customers --csv OUT' through the product's launcher (its heap is capped at 192 MB): MB/s of CSV
#     written (target >= 100 MB/s) and the process's peak resident memory (target < 256 MB, independent of the table's size).
#   releng/bench-rows.sh [SIZE_MB] [DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZE_MB=${1:-2048}
DIR=${2:-/tmp}
FILE="$DIR/pagelens-bench-catalog-${SIZE_MB}m.mdf"
"$ROOT/pagelens" --version >/dev/null   # builds the product when needed
PL="$ROOT/product/target/products/pagelens/linux/gtk/x86_64/pagelens"
[ -f "$FILE" ] || "$PL" specimen "$FILE" --size-mb "$SIZE_MB" >/dev/null
cat "$FILE" > /dev/null
source "$ROOT/releng/find-jdk.sh"
CORE=$(ls "$ROOT"/product/target/products/pagelens/linux/gtk/x86_64/plugins/pagelens.core_*.jar | head -n 1)
"$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -cp "$CORE" "$ROOT/releng/bench/RowsBench.java" "$FILE" Customers "${ROUNDS:-4}"
OUT="$DIR/pagelens-bench-rows.csv"
rm -f "$OUT" "$OUT.summary.json"
/usr/bin/time -f "%M" -o "$DIR/pagelens-bench-rows.rss" "$PL" rows "$FILE" Customers --csv "$OUT" >/dev/null
python3 - "$OUT" "$DIR/pagelens-bench-rows.rss" <<'PY'
import json, os, sys
out, rss = sys.argv[1], sys.argv[2]
s = json.load(open(out + ".summary.json"))
size = os.path.getsize(out)
sec = s["elapsedMillis"] / 1000
print(f"CSV export: {s['rows']:,} rows, {size/1e6:,.0f} MB in {sec:.1f} s: {size/1e6/sec:.0f} MB/s of CSV (target >= 100), "
      f"{s['pagesRead']*8192/1e6/sec:.0f} MB/s of table pages; peak resident memory {int(open(rss).read().split()[-1])/1024:.0f} MB (target < 256)")
PY
rm -f "$OUT" "$OUT.summary.json" "$DIR/pagelens-bench-rows.rss"
