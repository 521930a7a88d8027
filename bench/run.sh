#!/usr/bin/env bash
# Benchmark: `ekostyr run` on Utfall of 1M, 2M, 5M and 10M rows, as xlsx and as a CSV folder,
# each next to its floor in the same run: a plain calamine `worksheet_range` read of the same
# sheet (bench/plain_read.rs) and the csv crate's byte-record read of the same Utfall.csv
# (bench/csv_read.rs), each run in turn with its floor. Prints one table: median wall time (of 3
# runs; of 9 for the short CSV runs), peak RSS, ratio, target.
#
#   bash bench/run.sh           # 1M, 2M, 5M, 10M rows (about 15 minutes on 2 cores)
#   bash bench/run.sh --quick   # 1M rows only, rule files of 50 000 parameters only
#   bash bench/run.sh 200000    # the given row counts only
#
# `xlsx` rows hold texts inline (`t="inlineStr"`), the `xlsx-s` row (smallest size) in
# sharedStrings.xml as Excel and openpyxl write them.
#
# Then the rule-file tools and whole-run latency (bench/tools.sh): fmt --check, check and
# diff on generated rule files, check and run of the reference years, in a second table.
#
# Inputs are generated once into bench/out/ by bench/gen.rs (never committed).
# Targets (issue 13): xlsx ≤ 0.85× the calamine read and ≤ 32 MiB; CSV ≤ 1.5× the csv crate's
# read; memory flat: every size within 1.1× of the smallest size's peak.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=(1000000 2000000 5000000 10000000)
tool_sizes=()
case "${1:-}" in
  --quick) sizes=(1000000) tool_sizes=(50000) ;;
  "") ;;
  *) sizes=("$@") ;;
esac
out=bench/out
mkdir -p "$out"
profile=${BENCH_PROFILE:-release} # BENCH_PROFILE=dev: a quick try of this script, not a measurement
cargo build --profile "$profile" --quiet --bin ekostyr --bin bench-plain-read --bin bench-csv-read --bin bench-gen
bin=target/$([ "$profile" = dev ] && echo debug || echo "$profile")

for rows in "${sizes[@]}"; do
  if [ ! -f "$out/utfall-$rows.xlsx" ] || [ ! -f "$out/utfall-$rows-csv/Utfall.csv" ]; then
    echo "generating $rows rows …" >&2
    "$bin/bench-gen" "$rows" "$out/utfall-$rows.xlsx" "$out/utfall-$rows-csv"
  fi
done
# The smallest size also as Excel and openpyxl write it: texts in sharedStrings.xml.
shared="$out/utfall-${sizes[0]}-shared.xlsx"
if [ ! -f "$shared" ]; then
  "$bin/bench-gen" --shared-strings "${sizes[0]}" "$shared" "$out/utfall-${sizes[0]}-shared-csv"
fi

# median LIST… → the median of the numbers.
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# once COMMAND… → sets `took` (wall seconds) and `peak` (peak RSS, KiB) of one run.
once() {
  local start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$out/rss.txt" "$@" > /dev/null
  local end=$EPOCHREALTIME
  took=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  peak=$(cat "$out/rss.txt")
}

# measure RUNS FLOOR_ARRAY COMMAND… → "E_S E_KIB F_S F_KIB": median wall time and median
# peak RSS of RUNS runs of the command and of its floor (the array named), run in turn
# (ekostyr, floor, ekostyr, …) so that a host whose speed drifts during the run moves
# both alike, instead of one block of runs each.
measure() {
  local runs=$1; local -n floor_command=$2; shift 2
  local et=() em=() ft=() fm=()
  for _ in $(seq "$runs"); do
    once "$@"; et+=("$took"); em+=("$peak")
    once "${floor_command[@]}"; ft+=("$took"); fm+=("$peak")
  done
  echo "$(median "${et[@]}") $(median "${em[@]}") $(median "${ft[@]}") $(median "${fm[@]}")"
}

# row WORK ROWS "E_S E_KIB" TARGET_RATIO MAX_MIB|"" BASE_KIB|"" "F_S F_KIB"
row() {
  local work=$1 rows=$2 target=$4 max=${5:-} base=${6:-}
  read -r et em <<< "$3"
  read -r ft fm <<< "${7:-$4}"
  awk -v work="$work" -v rows="$rows" -v et="$et" -v em="$em" -v ft="$ft" -v fm="$fm" \
      -v target="$target" -v max="$max" -v base="$base" 'BEGIN {
    ratio = et / ft; ok = ratio <= target
    if (max != "" && em / 1024 > max) ok = 0
    if (base != "" && em > 1.1 * base) ok = 0
    goal = sprintf("≤ %.2f×", target)
    if (max != "") goal = goal sprintf(", ≤ %d MiB", max)
    if (base != "") goal = goal ", flat"
    printf "| %-5s | %10d | %7.3f s | %7.1f MiB | %7.3f s | %7.1f MiB | %5.2f× | %s | %s |\n",
      work, rows, et, em / 1024, ft, fm / 1024, ratio, goal, ok ? "✓" : "✗"
  }'
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m); median of 3 runs (CSV: of 9)"
echo
echo "| work  |       rows |   ekostyr |  ekostyr peak |     floor |    floor peak | ratio | target | ok |"
echo "|-------|-----------:|----------:|--------------:|----------:|--------------:|------:|--------|----|"
xlsx_base="" csv_base=""
for rows in "${sizes[@]}"; do
  wb="$out/utfall-$rows.xlsx"
  floor=("$bin/bench-plain-read" "$wb")
  read -r et em ft fm <<< "$(measure 3 floor "$bin/ekostyr" run rules/2023.ek --input "$wb" --format json)"
  row xlsx "$rows" "$et $em" 0.85 32 "$xlsx_base" "$ft $fm"
  [ -n "$xlsx_base" ] || xlsx_base=$em
done
floor=("$bin/bench-plain-read" "$shared")
read -r et em ft fm <<< "$(measure 3 floor "$bin/ekostyr" run rules/2023.ek --input "$shared" --format json)"
row xlsx-s "${sizes[0]}" "$et $em" 0.85 32 "" "$ft $fm"
for rows in "${sizes[@]}"; do
  dir="$out/utfall-$rows-csv"
  floor=("$bin/bench-csv-read" "$dir")
  # Runs of a tenth of a second: more of them, for a median that holds still.
  read -r et em ft fm <<< "$(measure 9 floor "$bin/ekostyr" run rules/2023.ek --input "$dir" --format json)"
  row csv "$rows" "$et $em" 1.5 "" "$csv_base" "$ft $fm"
  [ -n "$csv_base" ] || csv_base=$em
done

echo
echo "| work | ekostyr | floor | ratio | target | ok |"
echo "|------|---------|-------|-------|--------|----|"
bash bench/tools.sh "${tool_sizes[@]}"
