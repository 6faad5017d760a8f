#!/usr/bin/env bash
# The no-op rerun: in a fresh clone of this repository (the sample pipeline, 20 000 rows, folds: 5),
# `./build.sh --target=Train` once, then the same command again when nothing changed, timed: through
# build.sh (`dotnet run`, so MSBuild's up-to-date check of the build program is included), the build
# program alone (`dotnet build/bin/Debug/net10.0/Build.dll`, what build.sh ends up running), and the
# program with --exclusive (Train only, without PullData, CheckData, ValidateData).
# Usage: bench/train-noop.sh [runs=5]        Needs: hyperfine (apt-get install -y hyperfine).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

git clone --quiet "$root" "$work/repo"   # a local clone: committed files only, no data/ (PullData makes it)
cd "$work/repo"
git log -1 --format='commit %h %s'
./build.sh --target=Train                 # first run: compiles the build program (Debug), trains, registers v1
echo "Second run, nothing changed:"
./build.sh --target=Train
dotnet build/bin/Debug/net10.0/Build.dll --target=Train --exclusive

hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/noop.md" \
  "./build.sh --target=Train" \
  "dotnet build/bin/Debug/net10.0/Build.dll --target=Train" \
  "dotnet build/bin/Debug/net10.0/Build.dll --target=Train --exclusive"
cat "$work/noop.md"
echo "Train's own duration in the summary table, $runs runs of the build program:"
for _ in $(seq "$runs"); do
  dotnet build/bin/Debug/net10.0/Build.dll --target=Train | grep -E '^\s+(PullData|CheckData|ValidateData|Train|Total)\s' | tr -s ' ' | paste -sd ';'
done
