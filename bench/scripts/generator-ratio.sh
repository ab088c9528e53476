#!/usr/bin/env bash
# The generator's time ratio against NSwag over several separate processes (see ratio-over-launches.sh).
# Usage: bench/scripts/generator-ratio.sh [launches, default 6]   → bench/results/generator-ratio.md
set -euo pipefail
exec "$(dirname "$0")/ratio-over-launches.sh" GeneratorBenchmarks "${1:-6}" bench/results/generator-ratio.md
