#!/usr/bin/env bash
# Benchmark: `ekostyr run` on a 1 000 000-row Utfall workbook next to a plain calamine
# read of the same sheet, in one run. Reports wall time and peak memory (max RSS) of each
# and the ratios against the targets (1.5× time, 2× memory).
#
#   bash bench/run.sh [ROWS]        # needs python3 with openpyxl (pip install openpyxl)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
out=bench/out
mkdir -p "$out"
wb="$out/utfall-$rows.xlsx"
if [ ! -f "$wb" ]; then
  python3 bench/gen_utfall.py "$wb" --rows "$rows"
fi
cargo build --release --quiet --bin ekostyr --bin bench-plain-read

measure() { # label, command...
  local label=$1; shift
  local best_t="" best_m=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" > /dev/null
    read -r t m < "$out/time.txt"
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; fi
    if [ -z "$best_m" ] || [ "$m" -lt "$best_m" ]; then best_m=$m; fi
  done
  printf '%-28s %8.2f s %10d KiB\n' "$label" "$best_t" "$best_m"
  echo "$best_t $best_m" > "$out/$label.res"
}

echo "rows: $rows ($(du -h "$wb" | cut -f1) xlsx), best of 3"
measure plain-calamine-read target/release/bench-plain-read "$wb"
measure ekostyr-run target/release/ekostyr run rules/2023.ek --input "$wb" --format json
read -r pt pm < "$out/plain-calamine-read.res"
read -r et em < "$out/ekostyr-run.res"
awk -v pt="$pt" -v pm="$pm" -v et="$et" -v em="$em" 'BEGIN {
  printf "time ratio   %.2f× (target ≤ 1.5×)\nmemory ratio %.2f× (target ≤ 2×)\n", et/pt, em/pm }'
