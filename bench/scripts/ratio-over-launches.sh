#!/usr/bin/env bash
# Ratios against a benchmark class's baseline over several separate processes: single processes on this kind of
# machine settle in a fast or a slow mode (30–60 % apart), so one BenchmarkDotNet run is not enough to read a ratio from.
# Usage: bench/scripts/ratio-over-launches.sh <BenchmarkClass> <launches> <output.md>
# Every launch runs `--filter '*<BenchmarkClass>*'`; the table gives, per case and method, the time ratio of each
# launch, its median and spread, and the median allocation ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
class="$1"; launches="$2"; out="$3"
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
dotnet build -c Release bench/OmsGenerated.Benchmarks -nologo -v q >/dev/null
for i in $(seq 1 "$launches"); do
  dotnet run -c Release --no-build --project bench/OmsGenerated.Benchmarks -- --filter "*${class}*" >/dev/null
  # summary.md rows: | Class | case | method | mean | allocated | time ratio | alloc ratio |
  grep -E "^\| ${class} \|" bench/results/summary.md | sed "s/^/$i /" >> "$rows"
  echo "launch $i of $launches done" >&2
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
{
  echo "# ${class}: ratios to the baseline over $launches launches"
  echo
  echo "Each launch: \`dotnet run -c Release --project bench/OmsGenerated.Benchmarks -- --filter '*${class}*'\`; commit $(git rev-parse --short HEAD); $(date -u +%Y-%m-%d)."
  echo
  echo "| case | method | time ratio, per launch | median | min–max | alloc ratio, median | mean, median |"
  echo "|---|---|---|---:|---|---:|---:|"
  # field 3 = case, 4 = method (after the launch number prefix shifts nothing: it is before the first '|')
  awk -F'|' '{gsub(/^ +| +$/,"",$3); gsub(/^ +| +$/,"",$4); print $3 "|" $4}' "$rows" | awk '!seen[$0]++' | while IFS='|' read -r case method; do
    match=$(awk -F'|' -v c="$case" -v m="$method" '{x=$3; y=$4; gsub(/^ +| +$/,"",x); gsub(/^ +| +$/,"",y); if (x == c && y == m) print}' "$rows")
    ratios=$(echo "$match" | awk -F'|' '{gsub(/[ ×]/,"",$7); print $7}')
    allocs=$(echo "$match" | awk -F'|' '{gsub(/[ ×]/,"",$8); print $8}')
    means=$(echo "$match" | awk -F'|' '{gsub(/^ +| +$/,"",$5); print $5}' | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
    sorted=$(echo "$ratios" | sort -n)
    echo "| ${case:-—} | $method | $(echo $ratios | sed 's/ /, /g') | $(echo "$ratios" | median)× | $(echo "$sorted" | head -1)–$(echo "$sorted" | tail -1)× | $(echo "$allocs" | median)× | $means |"
  done
} > "$out"
cat "$out"
