"""Shared by train_xgboost.py, train_sklearn.py and sweep_optuna.py: read the sample CSV as the Train task reads it
(id, email, gender and age not features, "" and NA missing, label default == "1") and split it 80/20;
load_table reads any CSV the same way, given its label, id and dropped columns.
"""
import sys
import time

import numpy as np
import pandas as pd

CATEGORICAL = ["marital_status", "region", "employment", "home_ownership", "purpose"]
# Schema order of pipelines/credit-scoring.yaml without id, the label and training.exclude (email, gender, age).
FEATURES = ["marital_status", "region", "employment", "employment_years", "income",
            "home_ownership", "loan_amount", "loan_term", "interest_rate", "purpose",
            "credit_history_years", "open_accounts", "delinquencies", "debt_to_income", "phone_verified"]


def arguments(argv):
    """csv path, --test-rows=FILE (hold out those row numbers instead of our own split), --threads=N."""
    path = argv[1]
    options = dict(a[2:].split("=", 1) for a in argv[2:] if a.startswith("--") and "=" in a)
    return path, options.get("test-rows"), int(options.get("threads", "1"))


def load(path):
    """The frame with categoricals as pandas categories (NaN where missing), booleans as 1/0, the label as 0/1."""
    frame = pd.read_csv(path, usecols=FEATURES + ["default"], na_values=["", "NA"], keep_default_na=False,
                        dtype={**{c: "category" for c in CATEGORICAL}, "phone_verified": str, "default": str})
    frame["phone_verified"] = flags(frame["phone_verified"])
    y = (frame.pop("default") == "1").to_numpy(dtype=np.int8)
    return frame[FEATURES], y


def flags(values):
    """A boolean column as the pipeline reads it: true/yes/1 -> 1.0, false/no/0 -> 0.0, anything else NaN."""
    lower = values.str.lower()
    return np.where(lower.isin(["true", "yes", "1"]), 1.0, np.where(lower.isin(["false", "no", "0"]), 0.0, np.nan))


def load_table(path, label, positive, id_column, drop=()):
    """Any CSV read as load() reads the sample: every column but the id, the label and drop is a feature;
    numbers stay numbers, true/false columns become 1/0, other text becomes a pandas category.
    Returns the features, the label as 0/1 (label == positive) and the ids as strings."""
    frame = pd.read_csv(path, na_values=["", "NA"], keep_default_na=False,
                        dtype={label: str, id_column: str})
    ids = frame.pop(id_column).to_numpy()
    y = (frame.pop(label) == positive).to_numpy(dtype=np.int8)
    frame = frame.drop(columns=list(drop))
    for column in frame.columns:
        if frame[column].dtype == bool:  # pandas reads a true/false column without gaps as bool itself
            frame[column] = frame[column].astype(float)
        elif frame[column].dtype == object:
            known = set(frame[column].dropna().str.lower())
            frame[column] = flags(frame[column]) if known <= {"true", "false", "yes", "no"} else frame[column].astype("category")
    return frame, y, ids


def split(frame, y, test_rows):
    """The rows listed in test_rows (one number a line) as the test set; else a stratified 80/20, seed 42."""
    if test_rows:
        test = np.zeros(len(y), dtype=bool)
        test[np.loadtxt(test_rows, dtype=np.int64)] = True
        return frame[~test], frame[test], y[~test], y[test]
    from sklearn.model_selection import train_test_split
    return train_test_split(frame, y, test_size=0.2, stratify=y, random_state=42)


def report(tool, y_test, scores, clock, load_end, fit_end, split_name):
    """Prints the test AUC and log-loss (natural log, as the pipeline) and the seconds of each phase."""
    from sklearn.metrics import log_loss, roc_auc_score
    auc = roc_auc_score(y_test, scores)
    loss = log_loss(y_test, scores)
    end = now()
    print(f"{tool} split={split_name}: test auc {auc:.4f} log-loss {loss:.4f} ({len(y_test)} rows)  "
          f"load {load_end - clock:.1f}s  fit {fit_end - load_end:.1f}s  predict {end - fit_end:.1f}s  total {end - clock:.1f}s")
    sys.stdout.flush()


now = time.perf_counter
