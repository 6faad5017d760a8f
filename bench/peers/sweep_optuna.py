"""The Optuna peer of the pipeline's hyper-parameter sweep (bench/sweep-vs-optuna.sh): Optuna's TPESampler(seed)
and MedianPruner tune xgboost "hist" (leaf-wise, as LightGBM; Debian bookworm has no python3-lightgbm) by 3-fold
stratified cross-validated log-loss on the training rows only, each fold's running mean reported for pruning;
the best trial is refit on all training rows and measured on the held-out rows. The pipeline's default
parameters (train_xgboost.py's) are measured the same way, for reference.

Usage: /usr/bin/python3 sweep_optuna.py <csv> --label=default --positive=1 --id=id --test-ids=FILE
           [--drop=email,gender,age] [--trials=30] [--timeout=SECONDS] [--seed=42] [--jobs=2] [--folds=3]
--test-ids: the held-out rows' ids, one a line (the pipeline's predictions.csv's ids; sweep-vs-optuna.sh writes them).
--jobs: trials run at once (Optuna threads; xgboost releases the GIL), one xgboost thread each, as the
pipeline's sweep `parallel:` with LightGBM's one thread.

Prints one line of JSON: the best CV log-loss and parameters, the held-out auc and log_loss of the refit model,
the default parameters' CV log-loss and held-out auc and log_loss, trials finished and pruned, and seconds:
`wall_seconds` from the process's start to the refit model's held-out scores (imports, load, sweep, refit),
`default_seconds` for the default parameters' held-out fit and scores alone (their CV, for the table, is not timed).
With --jobs above 1 the trials finish in an order the machine decides, so two runs can differ.
"""
import time

START = time.perf_counter()  # before the imports: the pipeline's wall time includes its start-up too

import json  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import optuna  # noqa: E402
import xgboost as xgb  # noqa: E402
from sklearn.metrics import log_loss, roc_auc_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from train_common import load_table  # noqa: E402
from train_xgboost import ROUNDS, parameters  # noqa: E402


def options(argv):
    """--name=value arguments after the CSV path, with defaults."""
    given = dict(a[2:].split("=", 1) for a in argv[2:] if a.startswith("--") and "=" in a)
    unknown = set(given) - {"label", "positive", "id", "test-ids", "drop", "trials", "timeout", "seed", "jobs", "folds"}
    if len(argv) < 2 or unknown or "test-ids" not in given:
        sys.exit(f"usage: sweep_optuna.py <csv> --test-ids=FILE [--label= --positive= --id= --drop=a,b --trials= "
                 f"--timeout= --seed= --jobs= --folds=]{' (unknown: ' + ', '.join(sorted(unknown)) + ')' if unknown else ''}")
    return {
        "path": argv[1], "label": given.get("label", "default"), "positive": given.get("positive", "1"),
        "id": given.get("id", "id"), "test_ids": given["test-ids"],
        "drop": [c for c in given.get("drop", "").split(",") if c],
        "trials": int(given.get("trials", "30")), "timeout": float(given["timeout"]) if "timeout" in given else None,
        "seed": int(given.get("seed", "42")), "jobs": int(given.get("jobs", "2")), "folds": int(given.get("folds", "3")),
    }


def held_out(ids, test_ids_file):
    """A mask of the rows whose id is listed in the file; every listed id must be in the table."""
    listed = {line.strip() for line in open(test_ids_file) if line.strip()}
    mask = np.isin(ids, list(listed))
    if mask.sum() != len(listed):
        sys.exit(f"{test_ids_file}: {len(listed) - mask.sum()} of {len(listed)} ids are not in the table")
    return mask


def suggest(trial, seed):
    """The space of the pipeline's sweep in xgboost's words. minimum_example_count_per_leaf {10, 20, 50} has no
    exact twin: min_child_weight bounds a leaf's summed hessian p(1-p), about 0.2 a row near these data's base
    rates, so {2, 4, 10} stands for it."""
    params = {**parameters(threads=1, seed=seed),
              "eta": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
              "max_leaves": trial.suggest_int("max_leaves", 4, 64),
              "min_child_weight": trial.suggest_categorical("min_child_weight", [2, 4, 10])}
    return params, trial.suggest_int("n_estimators", 50, 500, step=50)


def fit(params, rounds, x, y):
    return xgb.train(params, xgb.DMatrix(x, label=y, enable_categorical=True, nthread=1), num_boost_round=rounds)


def score(booster, x):
    return booster.predict(xgb.DMatrix(x, enable_categorical=True, nthread=1))


def cross_validated(params, rounds, x, y, folds, seed, trial=None):
    """Mean log-loss over stratified folds; with a trial, the running mean is reported after each fold and the
    trial stops when the pruner says so."""
    losses = []
    for step, (fit_rows, check_rows) in enumerate(StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y)):
        booster = fit(params, rounds, x.iloc[fit_rows], y[fit_rows])
        losses.append(log_loss(y[check_rows], score(booster, x.iloc[check_rows]), labels=[0, 1]))
        if trial is not None:
            trial.report(float(np.mean(losses)), step)
            if trial.should_prune():
                raise optuna.TrialPruned()
    return float(np.mean(losses))


def measured(params, rounds, x_train, y_train, x_test, y_test):
    """The held-out auc and log-loss of a model fit on all training rows."""
    scores = score(fit(params, rounds, x_train, y_train), x_test)
    return round(roc_auc_score(y_test, scores), 4), round(log_loss(y_test, scores, labels=[0, 1]), 4)


def main(argv):
    o = options(argv)
    frame, y, ids = load_table(o["path"], o["label"], o["positive"], o["id"], o["drop"])
    test = held_out(ids, o["test_ids"])
    x_train, x_test, y_train, y_test = frame[~test], frame[test], y[~test], y[test]

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=o["seed"]),
                                pruner=optuna.pruners.MedianPruner())
    study.optimize(lambda t: cross_validated(*suggest(t, o["seed"]), x_train, y_train, o["folds"], o["seed"], t),
                   n_trials=o["trials"], timeout=o["timeout"], n_jobs=o["jobs"])
    best, best_rounds = suggest(optuna.trial.FixedTrial(study.best_params), o["seed"])
    auc, loss = measured(best, best_rounds, x_train, y_train, x_test, y_test)
    wall = time.perf_counter() - START

    default_start = time.perf_counter()
    default_auc, default_loss = measured(parameters(threads=1, seed=o["seed"]), ROUNDS, x_train, y_train, x_test, y_test)
    default_seconds = time.perf_counter() - default_start
    default_cv = cross_validated(parameters(threads=1, seed=o["seed"]), ROUNDS, x_train, y_train, o["folds"], o["seed"])

    states = [t.state for t in study.trials]
    print(json.dumps({
        "tool": f"optuna {optuna.__version__} TPE+median, xgboost {xgb.__version__} hist",
        "rows": {"train": int(len(y_train)), "test": int(len(y_test))},
        "best_cv_log_loss": round(study.best_value, 4), "best_params": study.best_params,
        "auc": auc, "log_loss": loss,
        "default_cv_log_loss": round(default_cv, 4), "default_auc": default_auc, "default_log_loss": default_loss,
        "trials": {"finished": states.count(optuna.trial.TrialState.COMPLETE),
                   "pruned": states.count(optuna.trial.TrialState.PRUNED)},
        "wall_seconds": round(wall, 1), "default_seconds": round(default_seconds, 1),
    }))


if __name__ == "__main__":
    main(sys.argv)
