#!/usr/bin/env bash
# Packs OmsGenerated.Generator, OmsGenerated.Runtime and OmsGenerated.Oms (with the .snupkg symbols of the last two)
# into artifacts/packages, as a deterministic CI build with SourceLink. README "Add the generator to your own project"
# says how to use them. Run it from a git checkout: the packages record the commit (RepositoryCommit).
# Extra arguments go to every dotnet pack, e.g. ./pack.sh -p:Version=0.2.0-preview.1
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is required (version: see global.json); install it from https://dot.net" >&2
  exit 1
fi

output="artifacts/packages"
rm -rf "$output"
mkdir -p "$output"

for project in generator/OmsGenerated.Generator.csproj \
               src/OmsGenerated.Runtime/OmsGenerated.Runtime.csproj \
               src/OmsGenerated.Oms/OmsGenerated.Oms.csproj; do
  echo "== dotnet pack $project"
  dotnet pack "$project" -c Release -o "$output" -p:ContinuousIntegrationBuild=true -nologo "$@"
done

echo "== $output"
ls -1 "$output"
