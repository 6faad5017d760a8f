#!/usr/bin/env bash
# The pipeline's hyper-parameter sweep (training.sweep) against Optuna 3.1 tuning the same trainer family, with the same
# budget of trials, on the sample data (20 000 rows) and on a UCI-sized set: UCI's Wisconsin diagnostic breast cancer
# data as scikit-learn bundles it (569 rows, 30 numeric features, label diagnosis, positive M). For each set, one run:
#   pipeline, default parameters   Build.dll --target=Train --target=Validate --exclusive --force, the parameters as shipped
#   pipeline, sweep                the same with the sweep below under training: (TPE, median pruner, 3-fold CV log-loss,
#                                  <trials> trials, 2 at once), the best refit on all training rows
#   xgboost, default parameters    bench/peers/train_xgboost.py's settings (the pipeline's LightGBM ones in xgboost's words)
#   Optuna                         bench/peers/sweep_optuna.py: TPESampler(seed 42) + MedianPruner over the same space,
#                                  3-fold stratified CV log-loss of xgboost hist, 2 trials at once, the best refit
# Usage: bench/sweep-vs-optuna.sh [trials=30]
# Needs: python3-optuna (3.1) python3-xgboost python3-sklearn python3-pandas (apt-get install -y ...), run by
# /usr/bin/python3. Debian bookworm has no python3-lightgbm, hence xgboost (hist, leaf-wise) on the Optuna side.
#
# Every side is judged on the same held-out rows: the pipeline's (a hash of each id), whose ids the Optuna side reads
# from the predictions.csv Validate writes; the script checks that both pipeline runs held out exactly those rows.
# Cross-validation of the final model is off (training.folds: 0): every side ends with one fit of the chosen
# parameters, so that the sweeps' wall times compare the search, not an extra 5-fold check. "Best CV objective" is the
# 3-fold CV log-loss on the training rows: the sweep's best trial (metrics.json's sweep section) and, for the
# default rows, the default parameters on the same folds as that side's trials
# (the pipeline's from an untimed warm-up run with folds: 3, whose folds are the sweep's: DataSplit.Folds, training.seed).
# The pipeline's wall is /usr/bin/time of the build program (start-up, reading, sweep, refit, Validate's behavioural
# tests); Optuna's is the script's own clock from its first line to the refit model's scores (imports, reading, sweep,
# refit); the xgboost default row's is its fit and scores alone. The pipeline's parallel trials run in seeded batches
# (the same trials every run); Optuna's n_jobs=2 threads take whichever trial is next, so its runs differ: one run is one draw.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
trials=${1:-30}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export PYTHONDONTWRITEBYTECODE=1

dotnet build "$root/build/Build.csproj" -c Release -o "$work/bin" >/dev/null
build="dotnet $work/bin/Build.dll"
optuna="/usr/bin/python3 $root/bench/peers/sweep_optuna.py"
results="$work/results.jsonl"
nproc; uptime
/usr/bin/python3 -c 'import optuna, xgboost; print("optuna", optuna.__version__, "xgboost", xgboost.__version__)'

with_sweep() { # pipeline-file name: the pipeline renamed <name>-sweep, with the sweep under training:
  sed "s/^name: $2\$/name: $2-sweep/" "$1" | awk -v trials="$trials" '
    { print }
    /^  seed: / {
      print "  sweep:"
      print "    objective: log_loss"
      print "    direction: minimize"
      print "    sampler: tpe"
      print "    trials: " trials
      print "    folds: 3"
      print "    pruner: median"
      print "    parallel: 2"
      print "    space:"
      print "      lightgbm:"
      print "        learning_rate: { low: 0.01, high: 0.3, log: true }"
      print "        number_of_leaves: { low: 4, high: 64 }"
      print "        number_of_iterations: { low: 50, high: 500, step: 50 }"
      print "        minimum_example_count_per_leaf: { choice: [10, 20, 50] }"
    }'
}

pipeline_run() { # set repo name side: one timed Train+Validate, a line in results.jsonl
  local set=$1 repo=$2 name=$3 side=$4 log="$work/$1-$4.log"
  if (cd "$repo" && /usr/bin/time -f %e -o "$work/time" $build --pipeline="pipelines/$name.yaml" \
        --target=Train --target=Validate --exclusive --force --report-only) > "$log" 2>&1; then
    grep -iE "sweep|trial|^  test \(" "$log" | sed 's/^/    /' || true
    /usr/bin/python3 - "$set" "$side" "$(cat "$work/time")" "$repo/artifacts/$name" "$work/$set-test-ids.txt" \
      "$work/$set-default-cv.json" >> "$results" <<'PY'
import csv, json, sys
set_, side, wall, artifacts, test_ids, default_cv = sys.argv[1:]
metrics = json.load(open(f"{artifacts}/metrics.json"))
held = sorted(r["id"] for r in csv.DictReader(open(f"{artifacts}/predictions.csv")))
if held != sorted(line.strip() for line in open(test_ids)):
    sys.exit(f"{artifacts}/predictions.csv: the {side} run held out other rows than the warm-up")
sweep = metrics.get("sweep")
if side == "sweep" and not sweep:
    sys.exit(f"{artifacts}/metrics.json: no sweep section; did Train sweep?")
cv = sweep["best"] if sweep else None
if side == "default":
    cv = json.load(open(default_cv))["cross_validation"]["mean"]["log_loss"]
print(json.dumps({"set": set_, "side": side, "wall": float(wall),
                  "auc": metrics["test"]["auc"], "log_loss": metrics["test"]["log_loss"],
                  "cv": float(cv) if cv else None,
                  "trials": {"finished": sweep["trials"] - sweep["pruned"] - sweep["failed"], "pruned": sweep["pruned"],
                             "failed": sweep["failed"], "best": sweep["best_trial"]} if sweep else None}))
PY
  else
    echo "    $side: not run, exit $(grep -oE '^Command exited with non-zero status [0-9]+' "$work/time" | grep -oE '[0-9]+$' || echo '?'):"
    grep -E "^Error" "$log" | sed 's/^/      /' || tail -3 "$log" | sed 's/^/      /'
    /usr/bin/python3 -c 'import json, sys; print(json.dumps({"set": sys.argv[1], "side": sys.argv[2], "error": sys.argv[3]}))' \
      "$set" "$side" "$(grep -m1 -E '^Error' "$log" || tail -1 "$log")" >> "$results"
  fi
}

compare() { # set repo name optuna-arguments...: warm-up, then the four sides
  local set=$1 repo=$2 name=$3
  shift 3
  echo "== $set"
  with_sweep "$repo/pipelines/$name.yaml" "$name" > "$repo/pipelines/$name-sweep.yaml"
  grep -q "^  sweep:" "$repo/pipelines/$name-sweep.yaml" \
    || { echo "sweep-vs-optuna: no '  seed:' line in $name.yaml's training section to put the sweep after" >&2; exit 1; }
  sed -e "s/^name: $name\$/name: $name-cv3/" -e 's/^  folds: 0\b/  folds: 3/' "$repo/pipelines/$name.yaml" > "$repo/pipelines/$name-cv3.yaml"
  grep -q "^  folds: 3" "$repo/pipelines/$name-cv3.yaml" || { echo "sweep-vs-optuna: no 'folds: 0' line in $name.yaml" >&2; exit 1; }
  # Warm-up, untimed: the whole chain (CheckData, ValidateData, Train, Validate) once, with the default parameters
  # cross-validated on the 3 folds every sweep trial is scored on (DataSplit.Folds, training.seed): their CV log-loss
  # is the default row's objective. Its predictions.csv names the held-out rows.
  (cd "$repo" && $build --pipeline="pipelines/$name-cv3.yaml" --target=Validate --report-only --verbosity=quiet)
  /usr/bin/python3 -c 'import csv, sys; print("\n".join(r["id"] for r in csv.DictReader(open(sys.argv[1]))))' \
    "$repo/artifacts/$name-cv3/predictions.csv" > "$work/$set-test-ids.txt"
  cp "$repo/artifacts/$name-cv3/metrics.json" "$work/$set-default-cv.json"
  pipeline_run "$set" "$repo" "$name" default
  pipeline_run "$set" "$repo" "$name-sweep" sweep
  $optuna "$repo/$(sed -n 's/^  table: *\([^ #]*\).*/\1/p' "$repo/pipelines/$name.yaml")" \
    --test-ids="$work/$set-test-ids.txt" --trials="$trials" --seed=42 --jobs=2 --folds=3 "$@" > "$work/$set-optuna.json"
  sed 's/^/    /' "$work/$set-optuna.json"
  /usr/bin/python3 -c 'import json, sys; print(json.dumps({"set": sys.argv[1], "side": "optuna", **json.load(open(sys.argv[2]))}))' \
    "$set" "$work/$set-optuna.json" >> "$results"
}

# The sample: the repository's pipeline and data pointer, so that PullData regenerates the pinned 20 000 rows and the
# warm-up's CheckData proves they are the same bytes.
credit="$work/credit"
mkdir -p "$credit/pipelines"
sed 's/^  folds: 5 /  folds: 0 /' "$root/pipelines/credit-scoring.yaml" > "$credit/pipelines/credit-scoring.yaml"
cp "$root/data.dvc" "$credit/"
grep -q '^  folds: 0 ' "$credit/pipelines/credit-scoring.yaml" \
  || { echo "sweep-vs-optuna: the sample pipeline no longer has the 'folds: 5' line this script edits" >&2; exit 1; }
compare sample "$credit" credit-scoring --label=default --positive=1 --id=id --drop=email,gender,age

# UCI's breast cancer data: a CSV with an id column, and a pipeline with only what Train and Validate need (no
# expectations, gates, fairness or generator; no data.dvc, so CheckData is skipped).
wdbc="$work/wdbc"
mkdir -p "$wdbc/pipelines" "$wdbc/data"
/usr/bin/python3 - "$wdbc" <<'PY'
import csv, sys
from sklearn.datasets import load_breast_cancer
data = load_breast_cancer()
names = [n.replace(" ", "_") for n in data.feature_names]
with open(f"{sys.argv[1]}/data/wdbc.csv", "w", newline="") as f:
    rows = csv.writer(f, lineterminator="\n")
    rows.writerow(["id", *names, "diagnosis"])
    for i, (values, target) in enumerate(zip(data.data, data.target), 1):
        rows.writerow([f"wdbc{i:04d}", *(repr(float(v)) for v in values), "B" if target else "M"])  # target 0 is malignant
with open(f"{sys.argv[1]}/pipelines/wdbc.yaml", "w") as f:
    f.write("# UCI's Wisconsin diagnostic breast cancer data, as scikit-learn bundles it (bench/sweep-vs-optuna.sh).\n"
            "name: wdbc\ndescription: Predicts whether a breast mass is malignant from its cell nuclei.\n\n"
            "data:\n  path: data\n  table: data/wdbc.csv\n\n"
            "schema:\n  label: diagnosis\n  positive: M\n  columns:\n    - { name: id, type: id }\n"
            + "".join(f"    - {{ name: {n}, type: numeric }}\n" for n in names)
            + "    - { name: diagnosis, type: categorical }\n\n"
            "training:\n  trainer: lightgbm\n"
            "  parameters: { number_of_iterations: 200, learning_rate: 0.05, number_of_leaves: 15, minimum_example_count_per_leaf: 50 }\n"
            "  test_fraction: 0.2\n  folds: 0\n  seed: 42\n")
PY
compare "UCI breast cancer" "$wdbc" wdbc --label=diagnosis --positive=M --id=id

/usr/bin/python3 - "$results" "$trials" <<'PY'
import json, sys
results = [json.loads(line) for line in open(sys.argv[1])]
trials = sys.argv[2]
def f(value, digits=4):
    return "—" if value is None else f"{value:.{digits}f}"
def counted(t):
    failed = f", {t['failed']} failed" if t.get("failed") else ""
    return f"{trials} ({t['finished']} finished, {t['pruned']} pruned{failed})"
for name in dict.fromkeys(r["set"] for r in results):
    sides = {r["side"]: r for r in results if r["set"] == name}
    o = sides["optuna"]
    print(f"\n{name}: {o['rows']['train']:,} training rows, {o['rows']['test']:,} held out")
    print("| Side | Trials | Best CV objective (log-loss, 3 folds) | Held-out AUC | Held-out log-loss | Wall s |")
    print("|:---|---:|---:|---:|---:|---:|")
    for side, label in [("default", "pipeline, default parameters"), ("sweep", "pipeline, sweep (TPE, median pruner, parallel 2)")]:
        r = sides[side]
        if "error" in r:
            print(f"| {label} | {trials if side == 'sweep' else '—'} | not run: {r['error']} | | | |")
        else:
            sweep = side == "sweep"
            print(f"| {label} | {counted(r['trials']) if sweep else '—'} | {f(r['cv'])} "
                  f"| {f(r['auc'])} | {f(r['log_loss'])} | {r['wall']:.1f} |")
    print(f"| xgboost hist, default parameters | — | {f(o['default_cv_log_loss'])} | {f(o['default_auc'])} "
          f"| {f(o['default_log_loss'])} | {o['default_seconds']:.1f} (fit and scores) |")
    print(f"| {o['tool']}, n_jobs 2 | {counted(o['trials'])} | {f(o['best_cv_log_loss'])} | {f(o['auc'])} "
          f"| {f(o['log_loss'])} | {o['wall_seconds']:.1f} |")
PY
