#!/usr/bin/env bash
# Train on 1M sample rows: the pipeline's Train task against a minimal hand-written ML.NET program
# (bench/peers/TrainMlNet) training the same LightGBM model, and against xgboost "hist" and
# scikit-learn HistGradientBoosting (bench/peers/train_*.py) on the same CSV: wall time, peak memory,
# test AUC. Cross-validation is off (folds: 0) so that every command does one fit; the pipeline as
# shipped (folds: 5) is run once at the end for reference.
# Usage: bench/train-vs-peers.sh [rounds=3] [rows=1000000]
# The pipeline runs twice a round: as shipped (one LightGBM thread) and with `number_of_threads: 2`, each
# set against HistGradientBoosting at the same thread count (the aim: at most 1.0x).
# Needs: python3-xgboost python3-sklearn python3-pandas (apt-get install -y ...), run by /usr/bin/python3.
#
# The machine is shared, so the commands are interleaved (round 1: every command once, then round 2, ...)
# and each is timed with /usr/bin/time (wall and peak RSS), rather than hyperfine's back-to-back runs:
# a load change then hits every command alike. Each process starts cold, reads the CSV and prints.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
size=${2:-1000000}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export PYTHONDONTWRITEBYTECODE=1

# The peers hard-code the sample pipeline's features; refuse to compare them with another model.
grep -q '^  exclude: \[email, gender, age\]' "$root/pipelines/credit-scoring.yaml" \
  || { echo "train-vs-peers: training.exclude changed; update bench/peers (TrainMlNet, train_common.py) first" >&2; exit 1; }
repo=$("$root/bench/train-setup.sh" "$work" "$size" 0 | tail -1)
repo2=$("$root/bench/train-setup.sh" "$work" "$size" 0 2 | tail -1) # the same with number_of_threads: 2
cd "$repo"
csv=data/credit.csv
build="dotnet $work/bin/Build.dll"
peer="dotnet $work/peer/TrainMlNet.dll"
py="/usr/bin/python3 $root/bench/peers"
held="--test-rows=$work/test-rows.txt"
ls -l "$csv"
nproc; uptime

# Warm-up: the page cache, the tracking store and its signing key; the test rows the pipeline holds out.
$build --target=Train --exclusive --force --verbosity=quiet
(cd "$repo2" && $build --target=Train --exclusive --force --verbosity=quiet)
$peer $csv --write-test-rows="$work/test-rows.txt"

names=(pipeline pipeline-2 mlnet-fused mlnet-per-column xgboost-1 xgboost-2 sklearn-1 sklearn-2)
commands=(
  "$build --target=Train --exclusive --force"
  "cd $repo2 && $build --target=Train --exclusive --force"
  "$peer $csv --fused"
  "$peer $csv"
  "$py/train_xgboost.py $csv $held --threads=1"
  "$py/train_xgboost.py $csv $held --threads=2"
  "$py/train_sklearn.py $csv $held --threads=1"
  "$py/train_sklearn.py $csv $held --threads=2"
)
results="$work/results.tsv"
run() { # name round command: one timed run, a line in results.tsv, the program's report on the terminal
  local name=$1 round=$2 command=$3 auc
  /usr/bin/time -f "%e %M" -o "$work/time" bash -c "$command" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  if [[ $name == pipeline* ]]; then
    local at=$repo; [[ $name == pipeline-2 ]] && at=$repo2; [[ $name == pipeline-5-folds ]] && at=$PWD
    auc=$(/usr/bin/python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["test"]["auc"], 4))' "$at/artifacts/credit-scoring/metrics.json")
    grep -E "Train: ([0-9,]+ rows|fitting|measuring|cross-validation fold)|^  Train " "$work/out" | sed 's/^/    /'
  else
    auc=$(grep -oE "test auc [0-9.]+" "$work/out" | cut -d' ' -f3)
    sed 's/^/    /' "$work/out"
  fi
  read -r wall rss < "$work/time"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$wall" "$rss" "$auc" | tee -a "$results"
}
for round in $(seq "$rounds"); do
  for i in "${!names[@]}"; do
    run "${names[$i]}" "$round" "${commands[$i]}"
  done
done

echo "Each tool's own split (AUC only, one run):"
run mlnet-fused-own-split 1 "$peer $csv --fused --split=mlnet"
run xgboost-2-own-split 1 "$py/train_xgboost.py $csv --threads=2"
run sklearn-2-own-split 1 "$py/train_sklearn.py $csv --threads=2"

echo "The pipeline as shipped, 5-fold cross-validation then the fit (one run):"
cv=$("$root/bench/train-setup.sh" "$work" "$size" 5 | tail -1)
cd "$cv"
run pipeline-5-folds 1 "$build --target=Train --exclusive --force"
cd "$repo"

/usr/bin/python3 - "$results" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    name, round_, wall, rss, auc = line.split()
    runs[name][int(round_)] = (float(wall), int(rss) / 1024, auc)
labels = {
    "pipeline": "`Build.dll --target=Train --exclusive --force`",
    "pipeline-2": "the same, `number_of_threads: 2`",
    "mlnet-fused": "`TrainMlNet.dll credit.csv --fused`",
    "mlnet-per-column": "`TrainMlNet.dll credit.csv`",
    "xgboost-1": "`train_xgboost.py --threads=1`",
    "xgboost-2": "`train_xgboost.py --threads=2`",
    "sklearn-1": "`train_sklearn.py --threads=1`",
    "sklearn-2": "`train_sklearn.py --threads=2`",
}
reference = runs["mlnet-fused"]
print("| Command | Wall, median (min–max) | × ML.NET peer, per round | Peak RSS | Test AUC |")
print("|:---|---:|---:|---:|---:|")
for name, label in labels.items():
    walls = [w for w, _, _ in runs[name].values()]
    ratios = [runs[name][r][0] / reference[r][0] for r in runs[name] if r in reference]
    rss = max(m for _, m, _ in runs[name].values())
    aucs = sorted({a for _, _, a in runs[name].values()})
    print(f"| {label} | {statistics.median(walls):.1f} s ({min(walls):.1f}–{max(walls):.1f}) | "
          f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f}) | {rss:,.0f} MB | {', '.join(aucs)} |")
for name, peer, label in [("pipeline", "sklearn-1", "1 thread"), ("pipeline-2", "sklearn-2", "2 threads")]:
    ratios = [runs[name][r][0] / runs[peer][r][0] for r in runs[name] if r in runs[peer]]
    print(f"Train ({label}) / HistGradientBoosting at the same thread count, per round: {statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})")
same = {a for _, _, a in runs["pipeline"].values()} == {a for _, _, a in runs["mlnet-per-column"].values()}
print("The per-column ML.NET peer and the pipeline agree on the test AUC." if same else
      "WARNING: the per-column ML.NET peer's AUC differs from the pipeline's: check that it still builds the same model.")
for name in ["mlnet-fused-own-split", "xgboost-2-own-split", "sklearn-2-own-split", "pipeline-5-folds"]:
    for _, (wall, rss, auc) in runs[name].items():
        print(f"{name}: {wall:.1f} s, {rss:,.0f} MB, test AUC {auc}")
PY
