#!/usr/bin/env python3
"""scikit-learn's binary-classification metrics for a predictions.csv, as JSON on stdout.

The reference side of the end-to-end check that MlOps.Models.Evaluation.BinaryMetrics agrees with
scikit-learn to 1e-9 (relative): compare this output with the metrics the pipeline reports for the
same file. The CSV needs a header with `label` (0/1, or true/false) and `score` (the predicted
probability of class 1, in [0, 1]); other columns are ignored.

Conventions, the same as BinaryMetrics': a row is predicted positive when score > threshold (as
sklearn's predict and ML.NET decide; 0.5 itself is negative); precision, recall and F1 use
zero_division=0; log_loss is in nats with sklearn's own clipping (float64 eps, sklearn >= 1.2);
ECE is sum(n_b / n * |fraction positive_b - mean score_b|) over calibration_curve's 10 uniform bins.
roc_auc is null with one class (sklearn raises) and average_precision null without positives
(sklearn returns 0 with a warning); BinaryMetrics gives NaN for both and sets IsSingleClass.

Usage: /usr/bin/python3 bench/metrics-vs-sklearn.py predictions.csv [--threshold 0.5]
Needs: python3-sklearn (apt-get install -y python3-sklearn); call /usr/bin/python3 if another
python3 comes first on PATH.
"""
import argparse
import csv
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.calibration import calibration_curve

LABELS = {"0": 0, "1": 1, "false": 0, "true": 1}


def read(path):
    labels, scores = [], []
    with open(path, newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            label, score = row["label"].strip().lower(), float(row["score"])
            if label not in LABELS:
                sys.exit(f"{path}:{line}: label {row['label']!r} is not 0, 1, true or false")
            if not 0 <= score <= 1:
                sys.exit(f"{path}:{line}: score {row['score']} is not a probability in [0, 1]")
            labels.append(LABELS[label])
            scores.append(score)
    if not labels:
        sys.exit(f"{path}: no rows to measure")
    return np.array(labels), np.array(scores, dtype=np.float64)


def expected_calibration_error(y, p, n_bins=10):
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    counts = np.bincount(np.searchsorted(edges[1:-1], p), minlength=len(edges))
    fraction_positive, mean_predicted = calibration_curve(y, p, n_bins=n_bins, strategy="uniform")
    return float(np.sum(counts[counts != 0] / len(y) * np.abs(fraction_positive - mean_predicted)))


def measure(y, p, threshold):
    predicted = (p > threshold).astype(int)
    positives = int(y.sum())
    single_class = positives in (0, len(y))
    tn, fp, fn, tp = metrics.confusion_matrix(y, predicted, labels=[0, 1]).ravel()
    return {
        "sklearn_version": sklearn.__version__,
        "count": len(y),
        "positives": positives,
        "single_class": single_class,
        "threshold": threshold,
        "roc_auc": None if single_class else metrics.roc_auc_score(y, p),
        "average_precision": None if positives == 0 else metrics.average_precision_score(y, p),
        "accuracy": metrics.accuracy_score(y, predicted),
        "precision": metrics.precision_score(y, predicted, zero_division=0),
        "recall": metrics.recall_score(y, predicted, zero_division=0),
        "f1": metrics.f1_score(y, predicted, zero_division=0),
        "log_loss": metrics.log_loss(y, p, labels=[0, 1]),
        "brier_score": metrics.brier_score_loss(y, p),
        "expected_calibration_error": expected_calibration_error(y, p),
        "confusion": {"true_positives": int(tp), "false_positives": int(fp),
                      "true_negatives": int(tn), "false_negatives": int(fn)},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("predictions", help="CSV with columns label and score")
    parser.add_argument("--threshold", type=float, default=0.5, help="score > threshold is predicted positive")
    args = parser.parse_args()
    y, p = read(args.predictions)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the undefined cases are reported as null instead
        result = measure(y, p, args.threshold)
    json.dump(result, sys.stdout, indent=2, default=float)
    print()


if __name__ == "__main__":
    main()
