#!/usr/bin/env bash
# StartTask per call (body built on every call, six fields) against the hand-written floor, NSwag and Refit, over
# several separate processes (see ratio-over-launches.sh).
# Usage: bench/scripts/starttask-ratio.sh [launches, default 6]   → bench/results/starttask-ratio.md
set -euo pipefail
exec "$(dirname "$0")/ratio-over-launches.sh" StartTaskBenchmarks "${1:-6}" bench/results/starttask-ratio.md
