#!/usr/bin/env bash
# Corpus counts (operations, generated methods, skipped, bodies that cannot be sent, OAPI005/OAPI009 and other
# warnings per document of ../shared/specs/real-world), generated in-process by the CorpusCountsReport test.
# Usage: bench/scripts/corpus-counts.sh [label, default "current"]   → bench/results/corpus-counts-<label>.md
# Takes about 1 minute (build included). Without the corpus the test is skipped and prints why; no file is written.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
label="${1:-current}"
target="$root/bench/results/corpus-counts-$label.md"
cd "$root"
dotnet build tests/OmsGenerated.Generator.Tests -c Release -nologo -clp:NoSummary -v quiet
OMSGENERATED_CORPUS_REPORT="$target" \
OMSGENERATED_REPORT_COMMIT="$(git rev-parse --abbrev-ref HEAD) $(git rev-parse --short=10 HEAD)$(git diff --quiet HEAD -- generator src || echo ' + uncommitted changes')" \
  dotnet test tests/OmsGenerated.Generator.Tests -c Release --no-build --filter "FullyQualifiedName~CorpusCountsReport" --logger "console;verbosity=normal"
if [ -f "$target" ]; then echo "written: $target"; fi
