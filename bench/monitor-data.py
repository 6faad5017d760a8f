#!/usr/bin/env python3
"""Writes the Monitor benchmark's inputs into <dir>: pipelines/monitor-bench.yaml and data/reference.csv,
data/current.csv, each <rows> rows of an id column, 14 numeric and 6 categorical columns (numpy, seed 42).

The current rows drift in some columns and not in others, so that every p-value range is exercised:
large shifts (p underflows to 0), small ones (p between 1e-12 and 0.05), none (p anywhere in (0, 1]);
a new category (chi-square infinite); changed category shares. The numbers are written in several ways:
shortest round-trip text of full doubles (17 digits), rounded to 1 or 2 decimals (ties), integers (ties,
and one column with at most 20 distinct values, which PSI bins one per value). Some values are missing,
written as "" or "NA".

Usage: monitor-data.py <dir> [rows=1000000]     Needs: python3-numpy python3-pandas (Debian).
"""
import os
import sys

import numpy as np
import pandas as pd

NUMERIC = [
    "age", "income", "loan_amount", "interest_rate", "debt_to_income", "credit_score", "tenure_months",
    "balance", "utilisation", "transactions_30d", "open_accounts", "temperature", "session_seconds", "score_x",
]
CATEGORIES = {
    "region": ["north", "south", "east", "west", "central"],
    "channel": ["branch", "phone", "web", "partner"],
    "product": ["card", "mortgage", "personal", "auto", "student", "business", "overdraft", "savings"],
    "segment": ["retail", "premium", "private"],
    "occupation": ["clerk", "engineer", "teacher", "nurse", "driver", "farmer", "lawyer", "artist",
                   "cook", "builder", "retired", "student"],
    "device": ["android", "ios", "windows", "mac", "linux", "other"],
}
REFERENCE_SHARES = {
    "region": [0.25, 0.2, 0.2, 0.2, 0.15],
    "channel": [0.4, 0.2, 0.3, 0.1],
    "product": [0.3, 0.1, 0.2, 0.1, 0.1, 0.05, 0.1, 0.05],
    "segment": [0.7, 0.25, 0.05],
    "occupation": [0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.1, 0.1, 0.1, 0.05],
    "device": [0.4, 0.3, 0.15, 0.1, 0.03, 0.02],
}


def numbers(rng, n, drift):
    """The 14 numeric columns; drift=True shifts some of them."""
    d = 1.0 if drift else 0.0
    return {
        "age": np.clip(np.rint(rng.normal(42 + 2 * d, 12, n)), 18, 95),  # integers, strong shift
        "income": np.round(rng.lognormal(10.8 + 0.05 * d, 0.5, n), 2),  # cents, strong shift
        "loan_amount": np.rint(rng.lognormal(9.5, 0.8, n)),  # whole units, no drift
        "interest_rate": np.round(rng.normal(12, 4, n), 2),  # no drift
        "debt_to_income": rng.beta(2 + 0.02 * d, 5, n),  # full doubles, slight drift
        "credit_score": np.clip(np.rint(rng.normal(680, 60, n)), 300, 850),  # integers, no drift
        "tenure_months": np.minimum(np.floor(rng.exponential(60, n)), 360),  # integers, no drift
        "balance": rng.normal(5000 + 8 * d, 2000, n),  # full doubles, small shift
        "utilisation": rng.uniform(0, 1, n),  # full doubles, no drift
        "transactions_30d": rng.poisson(12 + 0.03 * d, n).astype(float),  # ~35 distinct integers, slight drift
        "open_accounts": np.minimum(rng.poisson(3, n), 15).astype(float),  # <= 16 values: PSI one bin per value
        "temperature": np.round(rng.normal(20 + 0.5 * d, 5, n), 1),  # one decimal, many ties, shift
        "session_seconds": rng.exponential(300, n),  # full doubles, no drift
        "score_x": rng.standard_normal(n),  # full doubles, no drift
    }


def categories(rng, n, drift):
    """The 6 categorical columns; drift=True changes shares and adds a channel."""
    columns = {}
    for name, values in CATEGORIES.items():
        shares = list(REFERENCE_SHARES[name])
        values = list(values)
        if drift and name == "channel":
            values.append("app")  # a value the reference never holds: chi-square is infinite
            shares = [0.38, 0.19, 0.29, 0.1, 0.04]
        elif drift and name == "product":
            shares = [0.25, 0.1, 0.25, 0.1, 0.1, 0.05, 0.1, 0.05]
        elif drift and name == "occupation":
            shares = [0.101, 0.1, 0.1, 0.099, 0.1, 0.05, 0.05, 0.05, 0.1, 0.1, 0.1, 0.05]
        columns[name] = rng.choice(np.array(values, dtype=object), size=n, p=np.array(shares) / np.sum(shares))
    return columns


def write(path, rng, n, first_id, drift):
    frame = pd.DataFrame({"id": np.arange(first_id, first_id + n)})
    for name, values in numbers(rng, n, drift).items():
        frame[name] = values
    for name, values in categories(rng, n, drift).items():
        frame[name] = values
    # Missing values, dropped by both sides before testing: "" in score_x and device, "NA" in income.
    frame.loc[rng.random(n) < 0.01, "score_x"] = np.nan
    frame.loc[rng.random(n) < 0.01, "device"] = None
    missing_income = rng.random(n) < 0.02
    frame["income"] = [("NA" if m else repr(v)) for v, m in zip(frame["income"].tolist(), missing_income)]
    for name in ["age", "loan_amount", "credit_score", "tenure_months", "transactions_30d", "open_accounts"]:
        frame[name] = frame[name].astype(np.int64)
    frame.to_csv(path, index=False, na_rep="")


def pipeline_text():
    lines = [
        "# The Monitor benchmark's pipeline (bench/monitor-data.py writes it): 14 numeric and 6 categorical columns.",
        "name: monitor-bench",
        "data:",
        "  path: data",
        "  table: data/reference.csv",
        "  csv:",
        '    separator: ","',
        '    missing: ["", "NA"]',
        "schema:",
        "  label: segment  # required by the schema; Monitor tests the label like any categorical column",
        "  positive: premium",
        "  columns:",
        "    - { name: id, type: id }",
    ]
    lines += [f"    - {{ name: {c}, type: numeric }}" for c in NUMERIC]
    lines += [f"    - {{ name: {c}, type: categorical }}" for c in CATEGORIES]
    lines += [
        "monitoring:",
        "  numeric: { method: ks }",
        "  categorical: { method: chisquare }",
    ]
    return "\n".join(lines) + "\n"


def main():
    folder = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    os.makedirs(os.path.join(folder, "pipelines"), exist_ok=True)
    os.makedirs(os.path.join(folder, "data"), exist_ok=True)
    with open(os.path.join(folder, "pipelines", "monitor-bench.yaml"), "w", encoding="utf-8") as f:
        f.write(pipeline_text())
    rng = np.random.default_rng(42)
    write(os.path.join(folder, "data", "reference.csv"), rng, rows, 1, drift=False)
    write(os.path.join(folder, "data", "current.csv"), rng, rows, rows + 1, drift=True)


if __name__ == "__main__":
    main()
