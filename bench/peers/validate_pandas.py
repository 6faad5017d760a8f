"""The peer of ValidateData for bench/validate-vs-pandas.sh: pandas 1.5 reading the same CSV and
running the same checks as pipelines/credit-scoring.yaml (schema check, 14 declared expectations
expanded to 66 results) plus the same baseline profile, written as JSON.

Usage: /usr/bin/python3 validate_pandas.py data/credit.csv out.json
"""
import json
import sys

import numpy as np
import pandas as pd

NUMERIC = ["age", "employment_years", "income", "loan_amount", "loan_term", "interest_rate",
           "credit_history_years", "open_accounts", "delinquencies", "debt_to_income"]
CATEGORICAL = ["gender", "marital_status", "region", "employment", "home_ownership", "purpose", "default"]
QUANTILES = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]


def main(path, out):
    # Typed columns parsed by pandas' C reader (the fast path a pandas user takes); text as str.
    text = {name: str for name in ["id", "email", "phone_verified"] + CATEGORICAL}
    frame = pd.read_csv(path, dtype=text, na_values=["", "NA"], keep_default_na=False)
    results = []
    columns = list(frame.columns)
    rows = len(frame)
    # Schema check: columns exist, numbers and booleans parse, label present.
    numbers = {}
    for name in ["id", "email", "phone_verified"] + NUMERIC + CATEGORICAL:
        results.append(name in columns)
    for name in NUMERIC:
        values = frame[name] if pd.api.types.is_numeric_dtype(frame[name]) else pd.to_numeric(frame[name], errors="coerce")
        numbers[name] = values
        results.append(int((values.isna() & frame[name].notna()).sum()) == 0)
    results.append(bool(frame["phone_verified"].dropna().str.lower().isin(["true", "false", "yes", "no", "1", "0"]).all()))
    results.append(int(frame["default"].isna().sum()) == 0)
    results.append(set(columns) <= set(["id", "email", "phone_verified"] + NUMERIC + CATEGORICAL))
    # Declared expectations.
    results.append(rows >= 1000)
    results.append(int(frame["id"].dropna().duplicated(keep=False).sum()) == 0)
    for name in columns:
        results.append(1 - frame[name].isna().mean() >= 0.95)
    results.append(bool(numbers["age"].dropna().between(18, 100).all()))
    results.append(bool((numbers["income"].dropna() > 0).all()))
    results.append(bool(numbers["debt_to_income"].dropna().between(0, 1).all()))
    results.append(bool(frame["gender"].dropna().isin(["female", "male", "nonbinary"]).all()))
    results.append(bool(frame["default"].dropna().isin(["0", "1"]).all()))
    purposes = {"car", "home_improvement", "education", "debt_consolidation", "business", "medical", "other"}
    results.append(set(frame["purpose"].dropna().unique()) <= purposes)
    results.append(bool(frame["email"].dropna().str.contains(r"^[^@\s]+@[^@\s]+\.[a-z]+$", regex=True).all()))
    results.append(0.2 <= numbers["debt_to_income"].mean() <= 0.4)
    results.append(5 <= numbers["age"].std() <= 20)
    results.append(24 <= numbers["loan_term"].median() <= 48)
    q = numbers["income"].dropna().quantile([0.05, 0.5, 0.95], interpolation="nearest")
    results.append(5000 <= q.iloc[0] <= 30000 and 30000 <= q.iloc[1] <= 70000 and 60000 <= q.iloc[2] <= 150000)
    # Baseline profile.
    profile = []
    for name in NUMERIC:
        values = numbers[name].dropna()
        deciles = np.unique(values.quantile([i / 10 for i in range(11)], interpolation="nearest").to_numpy())
        counts, _ = np.histogram(values, bins=deciles)
        profile.append({
            "name": name, "count": int(values.count()), "missing": int(numbers[name].isna().sum()),
            "min": float(values.min()), "max": float(values.max()), "mean": float(values.mean()), "stdev": float(values.std()),
            "quantiles": {str(p): float(v) for p, v in values.quantile(QUANTILES, interpolation="nearest").items()},
            "histogram": {"edges": deciles.tolist(), "counts": counts.tolist()},
        })
    for name in CATEGORICAL + ["phone_verified"]:
        profile.append({"name": name, "count": int(frame[name].count()), "missing": int(frame[name].isna().sum()),
                        "frequencies": {str(k): int(v) for k, v in frame[name].value_counts().items()}})
    with open(out, "w") as handle:
        json.dump({"success": all(results), "evaluated": len(results), "rows": rows, "profile": profile}, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
