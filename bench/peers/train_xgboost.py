"""The xgboost peer of the Train task (bench/train-vs-peers.sh): the same CSV and columns, tree_method
"hist" with LightGBM-like settings (200 rounds, eta 0.05, leaf-wise growth to at most 15 leaves),
categoricals native (xgboost >= 1.6 with hist), missing numbers left as NaN (xgboost learns their side).

Usage: /usr/bin/python3 train_xgboost.py data/credit.csv [--test-rows=FILE] [--threads=N]
Prints the test AUC and the seconds to load, fit and predict.
"""
import sys

import xgboost as xgb

from train_common import arguments, load, now, report, split


ROUNDS = 200


def parameters(threads, seed=42):
    """The pipeline's LightGBM settings in xgboost's words (sweep_optuna.py's defaults too)."""
    return {
        "objective": "binary:logistic",
        "tree_method": "hist",
        "grow_policy": "lossguide",  # leaf-wise, as LightGBM
        "max_leaves": 15,
        "max_depth": 0,              # no depth limit, as LightGBM's default
        "eta": 0.05,
        "max_cat_to_onehot": 1,      # partition-based categorical splits, as LightGBM
        "nthread": threads,
        "seed": seed,
    }


def main(argv):
    path, test_rows, threads = arguments(argv)
    clock = now()
    frame, y = load(path)
    x_train, x_test, y_train, y_test = split(frame, y, test_rows)
    load_end = now()
    train = xgb.DMatrix(x_train, label=y_train, enable_categorical=True, nthread=threads)
    booster = xgb.train(parameters(threads), train, num_boost_round=ROUNDS)
    fit_end = now()
    scores = booster.predict(xgb.DMatrix(x_test, enable_categorical=True, nthread=threads))
    report(f"xgboost {xgb.__version__} hist threads={threads}", y_test, scores, clock, load_end, fit_end,
           "product" if test_rows else "sklearn-stratified")


if __name__ == "__main__":
    main(sys.argv)
