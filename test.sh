#!/usr/bin/env bash
# The test command (README, and .ci/run): lints the OMS spec, builds everything, runs every test.
# Needs only the .NET SDK named in global.json and Node.js/npm (the spec linter is installed from package-lock.json).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is required (version: see global.json); install it from https://dot.net" >&2
  exit 1
fi

configuration="${CONFIGURATION:-Release}"
results="artifacts/test-results"
rm -rf "$results" artifacts/fault-soak.txt artifacts/aot-consumer artifacts/aot-consumer.txt

echo "== lint spec/oms.openapi.yaml (Redocly)"
.ci/lint-spec.sh

echo "== build ($configuration)"
dotnet build OmsGenerated.sln -c "$configuration" -nologo -clp:NoSummary

echo "== native AOT: a consumer of a generated client publishes with 0 trim/AOT warnings and runs (tests/AotConsumer)"
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
aot_status=0
dotnet publish tests/AotConsumer -c "$configuration" -r "$rid" -nologo -clp:NoSummary -warnaserror -o artifacts/aot-consumer || aot_status=$?
if [ "$aot_status" -eq 0 ]; then
  artifacts/aot-consumer/AotConsumer | tee artifacts/aot-consumer.txt || aot_status=$?
  grep -q '^error 400 PET.0001$' artifacts/aot-consumer.txt || { echo "the native consumer did not get the typed error" >&2; aot_status=1; }
fi

echo "== test"
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c "$configuration" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=$?
done

# Benchmarks are not timed here; one quick run of every case catches rot (see bench/README.md for real runs).
echo "== benchmark smoke"
dotnet run -c Release --project bench/OmsGenerated.Benchmarks -- smoke || status=$?

# The fault soak (emulator tests, category Fault) leaves its figures here; README's performance table quotes them.
if [ -f artifacts/fault-soak.txt ]; then
  echo "== fault soak"
  cat artifacts/fault-soak.txt
fi

# Every skipped test with its reason (e.g. the public corpus is not beside this clone).
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  awk '/<UnitTestResult / && /outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next }
       want && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print "skipped: " name ": " $0; want = 0 }' "$trx"
done

# One closing line across all test projects.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$aot_status" -ne 0 ]; then
  echo "native AOT consumer: FAILED" >&2
fi
if [ "$status" -ne 0 ] || [ "$aot_status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
