#!/usr/bin/env bash
# The generator's time ratio against NSwag over several separate processes: single processes on this kind of machine
# settle in a fast or a slow mode, so one BenchmarkDotNet run is not enough to read a ratio from.
# Usage: bench/scripts/generator-ratio.sh [launches, default 6]   → bench/results/generator-ratio.md
set -euo pipefail
cd "$(dirname "$0")/../.."
launches="${1:-6}"
out=bench/results/generator-ratio.md
rows=$(mktemp)
dotnet build -c Release bench/OmsGenerated.Benchmarks -nologo -v q >/dev/null
for i in $(seq 1 "$launches"); do
  dotnet run -c Release --no-build --project bench/OmsGenerated.Benchmarks -- --filter '*GeneratorBenchmarks*' >/dev/null
  # summary.md rows: | GeneratorBenchmarks | spec | Ours | time | alloc | time ratio | alloc ratio |
  grep -E '^\| GeneratorBenchmarks \| [^|]+ \| (Ours|NSwag \(baseline\)) ' bench/results/summary.md | sed "s/^/$i /" >> "$rows"
  echo "launch $i of $launches done" >&2
done
{
  echo "# Generator vs NSwag over $launches launches"
  echo
  echo "Each launch: \`dotnet run -c Release --project bench/OmsGenerated.Benchmarks -- --filter '*GeneratorBenchmarks*'\`; commit $(git rev-parse --short HEAD)."
  echo
  echo "| spec | ours / NSwag time, per launch | median | min–max | NSwag mean, median |"
  echo "|---|---|---:|---|---:|"
  for spec in $(awk -F'|' '{gsub(/ /,"",$3); print $3}' "$rows" | sort -u); do
    ratios=$(grep -F "| $spec |" "$rows" | grep '| Ours |' | awk -F'|' '{gsub(/[ ×]/,"",$7); print $7}')
    nswag=$(grep -F "| $spec |" "$rows" | grep 'NSwag (baseline)' | awk -F'|' '{gsub(/^ +| +$/,"",$5); print $5}' | sort -n | awk '{a[NR]=$1" "$2} END {print a[int((NR+1)/2)]}')
    sorted=$(echo "$ratios" | sort -n)
    median=$(echo "$sorted" | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}')
    echo "| $spec | $(echo $ratios | sed 's/ /, /g') | ${median}× | $(echo "$sorted" | head -1)–$(echo "$sorted" | tail -1)× | $nswag |"
  done
} > "$out"
rm -f "$rows"
cat "$out"
