#!/usr/bin/env bash
# The benchmark behind BENCHMARKS.md: ShareLens's full build against DuckDB's aggregation alone on
# deterministic Purview CSV exports of 100,000 and 1,000,000 rows. Run with `make bench`;
# `BENCH_ROWS="10000000" make bench` runs other sizes (10,000,000 rows take 17.6 GB of disk).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-out
bin=.build/release/sharelens
mkdir -p "$out"

# DuckDB from PyPI, pinned, in a virtual environment of the benchmark's own.
if [ ! -x "$out/venv/bin/python" ]; then
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install --quiet duckdb==1.1.3
fi

# Tools: ShareLens's full build; DuckDB's aggregation as the target names it (`anyone`: only the
# AnonymousLinkCreated rows' JSON is parsed); DuckDB reading the report's fields from every row
# (`every`, the reading ShareLens does). "sharelens ÷" is ShareLens's time over the row's.
printf '%-10s %-14s %9s %11s %9s %10s %12s\n' rows tool seconds rows/s MB/s "peak RSS" "sharelens ÷"
for rows in ${BENCH_ROWS:-100000 1000000}; do
  sample="$out/sample-$rows"
  [ -f "$sample/AuditLog.csv" ] || "$bin" sample --out "$sample" --events "$rows" --force --quiet
  csv="$sample/AuditLog.csv"
  mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.1f", b / 1e6 }')

  /usr/bin/time -v "$bin" build "$sample" --out "$out/report-$rows" --force --quiet --timings \
    2> "$out/sharelens-$rows.log"
  sl_seconds=$(awk '/Elapsed \(wall clock\)/ { split($NF, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s }' "$out/sharelens-$rows.log")
  sl_rss=$(awk '/Maximum resident set size/ { printf "%.0f MB", $NF / 1024 }' "$out/sharelens-$rows.log")
  line() { # tool seconds rss ratio
    awk -v rows="$rows" -v tool="$1" -v s="$2" -v mb="$mb" -v rss="$3" -v ratio="$4" 'BEGIN {
      printf "%-10s %-14s %9.2f %11.0f %9.1f %10s %12s\n", rows, tool, s, rows / s, mb / s, rss, ratio
    }'
  }
  line sharelens "$sl_seconds" "$sl_rss" ""
  for mode in anyone every; do
    /usr/bin/time -v "$out/venv/bin/python" bench/duckdb_query.py "$csv" 2 "$mode" \
      > "$out/duckdb-$mode-$rows.out" 2> "$out/duckdb-$mode-$rows.log"
    db_seconds=$(sed -n 's/.*duckdb_seconds=\([0-9.]*\).*/\1/p' "$out/duckdb-$mode-$rows.out")
    db_rss=$(awk '/Maximum resident set size/ { printf "%.0f MB", $NF / 1024 }' "$out/duckdb-$mode-$rows.log")
    line "duckdb $mode" "$db_seconds" "$db_rss" "$(awk -v a="$sl_seconds" -v b="$db_seconds" 'BEGIN { printf "%.2f", a / b }')"
  done
  sed -n 's/^timing: /  sharelens phase: /p' "$out/sharelens-$rows.log"
  # Floors: what merely touching the same bytes costs on this machine, with no parsing at all.
  TIMEFORMAT=%R
  cat_seconds=$( { time cat "$csv" > /dev/null; } 2>&1 )
  wc_seconds=$( { time wc -l "$csv" > /dev/null; } 2>&1 )
  rm -rf "$out/report-copy"
  cp_seconds=$( { time cp -r "$out/report-$rows" "$out/report-copy"; } 2>&1 )
  report_size=$(du -sm "$out/report-$rows" | cut -f1)
  rm -rf "$out/report-copy"
  printf '  floor: reading the input (cat > /dev/null)          %5.2f s\n' "$cat_seconds"
  printf '  floor: counting its lines (wc -l)                   %5.2f s\n' "$wc_seconds"
  printf '  floor: copying the finished report (cp -r, %s MB) %5.2f s\n' "$report_size" "$cp_seconds"
  for mode in anyone every; do sed "s/^/  duckdb $mode: /" "$out/duckdb-$mode-$rows.out"; done
  "$out/venv/bin/python" bench/duckdb_query.py "$csv" 2 split | sed 's/^/  duckdb split (its CSV reading alone, no JSON): /'
done
