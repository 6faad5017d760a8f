#!/usr/bin/env bash
# TrackData's hashing throughput on a 1 GiB file against md5sum on the same file (page cache warm).
# Usage: bench/hash-vs-md5sum.sh            Needs: hyperfine (apt-get install -y hyperfine).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

dotnet build "$root/build/Build.csproj" -c Release -o "$work/bin" >/dev/null
mkdir -p "$work/repo/pipelines"
cp "$root/pipelines/"*.yaml "$work/repo/pipelines/"
head -c 1073741824 /dev/urandom > "$work/repo/big.bin"
cd "$work/repo"
# The first run stores the cache object; later runs hash, find the pointer unchanged, and stop.
# Removing the remembered md5s before each run makes them hash the file for real.
dotnet "$work/bin/Build.dll" --target=TrackData --path=big.bin --verbosity=quiet
hyperfine --warmup 1 --runs 5 --prepare "rm -f $work/repo/.dvc/tmp/md5s.json" --export-markdown "$work/result.md" \
  'md5sum big.bin' \
  "dotnet $work/bin/Build.dll --target=TrackData --path=big.bin --verbosity=quiet"
cat "$work/result.md"
# With the md5 remembered (size and time unchanged), the data check does not read the file.
hyperfine --warmup 1 --runs 5 "dotnet $work/bin/Build.dll --target=TrackData --path=big.bin --verbosity=quiet"
