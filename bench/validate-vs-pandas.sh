#!/usr/bin/env bash
# ValidateData on 1M sample rows x 20 columns against pandas 1.5 running the same 66 checks and the
# same profile (bench/peers/validate_pandas.py), plus the raw parse floor and peak memory at 1M and 4M rows.
# Usage: bench/validate-vs-pandas.sh      Needs: hyperfine python3-pandas (apt-get install -y ...).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
build="dotnet $work/bin/Build.dll"

dotnet build "$root/build/Build.csproj" -c Release -o "$work/bin" >/dev/null
for rows in 1000000 4000000; do
  mkdir -p "$work/r$rows/pipelines"
  sed "s/      rows: 20000/      rows: $rows/; s/      current_rows: 5000/      current_rows: 0/" \
    "$root/pipelines/credit-scoring.yaml" > "$work/r$rows/pipelines/credit-scoring.yaml"
  (cd "$work/r$rows" && $build --target=PullData --verbosity=quiet)
done

cd "$work/r1000000"
ls -l data/credit.csv
hyperfine --warmup 1 --runs 5 --export-markdown "$work/validate.md" \
  "$build --target=ValidateData --exclusive --verbosity=quiet" \
  "/usr/bin/python3 $root/bench/peers/validate_pandas.py data/credit.csv $work/pandas.json"
cat "$work/validate.md"

echo "Parse floor (Sep reading every field, numbers parsed) and in-process validation, best of 5:"
(cd "$root/bench/MlOps.Benchmarks" && dotnet run -c Release -- --filter '*ValidateBenchmarks*' --envVars "MLOPS_BENCH_CSV:$work/r1000000/data/credit.csv" 2>&1 | grep -E '^\| |^\|-' || true)

for rows in 1000000 4000000; do
  cd "$work/r$rows"
  /usr/bin/time -f "$rows rows: peak RSS %M KiB, %e s" $build --target=ValidateData --exclusive --verbosity=quiet
done
