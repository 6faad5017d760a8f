"""The scikit-learn peer of the Train task (bench/train-vs-peers.sh): HistGradientBoostingClassifier on
the same CSV and columns with LightGBM-like settings (200 iterations, learning rate 0.05, at most 15
leaves, at least 50 rows a leaf, no early stopping), categoricals native (ordinal codes declared in
categorical_features), missing numbers left as NaN (the trees learn their side).

Usage: /usr/bin/python3 train_sklearn.py data/credit.csv [--test-rows=FILE] [--threads=N]
Prints the test AUC and the seconds to load, fit and predict.
"""
import sys

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from threadpoolctl import threadpool_limits

from train_common import CATEGORICAL, FEATURES, arguments, load, now, report, split


def main(argv):
    path, test_rows, threads = arguments(argv)
    with threadpool_limits(limits=threads):  # HistGradientBoosting's OpenMP threads
        clock = now()
        frame, y = load(path)
        # scikit-learn 1.2 wants categories as codes 0..k-1 (NaN for missing) in a float matrix.
        for column in CATEGORICAL:
            frame[column] = frame[column].cat.codes.replace(-1, np.nan)
        x_train, x_test, y_train, y_test = split(frame.astype(np.float64), y, test_rows)
        load_end = now()
        model = HistGradientBoostingClassifier(
            max_iter=200, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=50,
            early_stopping=False,  # "auto" would stop early and hold out 10 % of the rows above 10 000 rows
            categorical_features=[FEATURES.index(c) for c in CATEGORICAL], random_state=42)
        model.fit(x_train.to_numpy(), y_train)
        fit_end = now()
        scores = model.predict_proba(x_test.to_numpy())[:, 1]
        report(f"sklearn {sklearn.__version__} HistGradientBoosting threads={threads}", y_test, scores, clock,
               load_end, fit_end, "product" if test_rows else "sklearn-stratified")


if __name__ == "__main__":
    main(sys.argv)
