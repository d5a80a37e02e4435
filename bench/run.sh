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

printf '%-10s %-9s %9s %11s %9s %10s %9s\n' rows tool seconds rows/s MB/s "peak RSS" ratio
for rows in ${BENCH_ROWS:-100000 1000000}; do
  sample="$out/sample-$rows"
  [ -f "$sample/AuditLog.csv" ] || "$bin" sample --out "$sample" --events "$rows" --force --quiet
  csv="$sample/AuditLog.csv"
  mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.1f", b / 1e6 }')

  /usr/bin/time -v "$bin" build "$sample" --out "$out/report-$rows" --force --quiet --timings \
    2> "$out/sharelens-$rows.log"
  sl_seconds=$(awk '/Elapsed \(wall clock\)/ { split($NF, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s }' "$out/sharelens-$rows.log")
  sl_rss=$(awk '/Maximum resident set size/ { printf "%.0f MB", $NF / 1024 }' "$out/sharelens-$rows.log")

  /usr/bin/time -v "$out/venv/bin/python" bench/duckdb_query.py "$csv" 2 > "$out/duckdb-$rows.out" 2> "$out/duckdb-$rows.log"
  db_seconds=$(sed -n 's/.*duckdb_seconds=\([0-9.]*\).*/\1/p' "$out/duckdb-$rows.out")
  db_rss=$(awk '/Maximum resident set size/ { printf "%.0f MB", $NF / 1024 }' "$out/duckdb-$rows.log")

  for tool in sharelens duckdb; do
    if [ "$tool" = sharelens ]; then s=$sl_seconds; r=$sl_rss; else s=$db_seconds; r=$db_rss; fi
    ratio=$(awk -v a="$sl_seconds" -v b="$db_seconds" 'BEGIN { printf "%.2f", a / b }')
    awk -v rows="$rows" -v tool="$tool" -v s="$s" -v mb="$mb" -v rss="$r" -v ratio="$ratio" 'BEGIN {
      printf "%-10s %-9s %9.2f %11.0f %9.1f %10s %9s\n", rows, tool, s, rows / s, mb / s, rss, (tool == "sharelens" ? ratio : "")
    }'
  done
  sed -n 's/^timing: /  sharelens phase: /p' "$out/sharelens-$rows.log"
  cat "$out/duckdb-$rows.out" | sed 's/^/  duckdb: /'
done
