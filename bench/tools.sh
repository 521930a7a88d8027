#!/usr/bin/env bash
# Benchmark of the linear tools and the whole-run latency (issue 13, item 4): prints
# table rows only, in the reader bench's format, for bench/run.sh to include:
#
#   | work | ekostyr | floor | ratio | target | ✓ |
#
# fmt --check, check and diff on generated rule files of 10 000, 50 000 and 100 000
# parameters with comments (bench/gen_rules.rs): the floor of fmt --check is check of
# the same file, of diff checking both files; the targets at 10 000 and 100 000 are
# the 50 000 ones scaled, so the rows show time linear in size. Then check of the
# reference years and whole `ekostyr` runs, next to the floor of starting the
# process (`ekostyr --version`). Times are medians of several runs, release build.
#
#   bash bench/tools.sh [SIZES...]      # default: 10000 50000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 50000 100000}")
read -r -a sizes <<< "${sizes[*]}"
out=bench/out
mkdir -p "$out"
# The plain release profile, as `cargo run --release` and bench/run.sh build it (another
# debug setting would rebuild every dependency first).
cargo build --release --quiet --bin ekostyr --bin bench-gen-rules
ek=target/release/ekostyr

# Median wall time in seconds of `runs` runs of a command, output discarded; the
# command must succeed (a failing command's time would mean nothing).
median() { # runs, command...
  local runs=$1; shift
  "$@" > /dev/null 2>&1 || { echo "bench/tools.sh: failed: $*" >&2; exit 2; }
  local times=()
  for _ in $(seq "$runs"); do
    # The shell's own clock: a `date` process on either side would add its start to every run.
    local t0=$EPOCHREALTIME
    "$@" > /dev/null 2>&1
    local t1=$EPOCHREALTIME
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.6f\n", a[int((NR + 1) / 2)] }'
}

# One row: work, time, floor label, floor time (or empty), target in seconds.
row() { # work, seconds, floor-label, floor-seconds, target-seconds
  awk -v work="$1" -v t="$2" -v fl="$3" -v ft="$4" -v target="$5" '
    function show(s) { return s < 0.1 ? sprintf("%.1f ms", s * 1000) : sprintf("%.2f s", s) }
    BEGIN {
      floor = ft == "" ? "—" : fl " " show(ft)
      ratio = ft == "" || ft == 0 ? "—" : sprintf("%.1f×", t / ft)
      printf "| %s | %s | %s | %s | ≤ %s | %s |\n", work, show(t), floor, ratio, show(target), t <= target ? "✓" : "✗"
    }'
}

grouped() { awk -v n="$1" 'function g(n) { return n >= 1000 ? g(int(n / 1000)) sprintf(" %03d", n % 1000) : n } BEGIN { print g(n) }'; }

for n in "${sizes[@]}"; do
  a="$out/rules-$n.ek" b="$out/rules-$n-changed.ek"
  target/release/bench-gen-rules "$n" > "$a"
  target/release/bench-gen-rules "$n" $((n / 2)) > "$b"
  runs=$(( n > 50000 ? 3 : 5 ))
  check=$(median "$runs" "$ek" check "$a")
  fmt=$(median "$runs" "$ek" fmt --check "$a")
  diff=$(median "$runs" "$ek" diff "$a" "$b")
  scale=$(awk -v n="$n" 'BEGIN { print n / 50000 }')
  label="$(grouped "$n") params"
  row "fmt --check $label" "$fmt" check "$check" "$(awk -v s="$scale" 'BEGIN { print 0.5 * s }')"
  row "diff $label (one value)" "$diff" "check ×2" "$(awk -v c="$check" 'BEGIN { print 2 * c }')" "$(awk -v s="$scale" 'BEGIN { print 1.0 * s }')"
  row "check $label" "$check" "" "" "$(awk -v s="$scale" 'BEGIN { print 0.5 * s }')"
done

start=$(median 21 "$ek" --version)
row "check rules/2023.ek" "$(median 21 "$ek" check rules/2023.ek)" start "$start" 0.005
# 2024 builds on 2023 (`bygger_på`): two files are read and checked, so twice the reference year's target.
row "check rules/2024.ek (and 2023.ek, which it builds on)" "$(median 21 "$ek" check rules/2024.ek)" start "$start" 0.010
row "run rules/2023.ek --input fixtures/2023.xlsx" "$(median 21 "$ek" run rules/2023.ek --input fixtures/2023.xlsx)" start "$start" 0.05
row "run (the embedded default)" "$(median 21 "$ek")" start "$start" 0.05
