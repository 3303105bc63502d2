#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, one at a time, logging to
# fuzz/logs/<target>.log. Usage: fuzz/run-all.sh [SECONDS] [TARGET...]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
secs="${1:-600}"; shift || true
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(tokenize sentences entities tone pipeline)
mkdir -p logs
[ -d corpus/_seed ] || ./seed-corpus.sh
for t in "${targets[@]}"; do
  echo "== $t ($secs s)"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -a "$t" -- \
    -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 > "logs/$t.log" 2>&1
  echo "exit $? ; $(grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "logs/$t.log" | tail -1)"
done
