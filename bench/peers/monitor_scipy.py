#!/usr/bin/env python3
"""The Monitor benchmark's peer: the same drift tests as Evidently runs them, with pandas, numpy and scipy.

    monitor_scipy.py run <pipeline.yaml> <reference.csv> <current.csv> <out.json>
        pandas.read_csv both files, then per numeric column scipy.stats.ks_2samp and PSI, per categorical
        column Evidently's chi-square (scipy.stats.chisquare) and PSI; missing values dropped first.
        Writes the statistics and prints one JSON line with the read and test times in seconds.

    monitor_scipy.py compare <drift.json> <out.json> <reference.csv> <current.csv>
        Prints ours against scipy's per column and the largest relative differences; also checks whether
        pandas' default float parser read every number as a correctly rounded parse (round_trip) does.

The columns and their types come from the `- { name: x, type: y }` lines of the pipeline file that
bench/monitor-data.py writes (no YAML library needed). Needs: python3-numpy python3-pandas python3-scipy.
"""
import json
import math
import re
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

TINY = 1e-300  # p-values below this are compared as "both underflowed", not by their ratio


def schema(pipeline):
    columns = re.findall(r"-\s*\{\s*name:\s*([\w.]+),\s*type:\s*(\w+)\s*\}", open(pipeline, encoding="utf-8").read())
    return [(name, kind) for name, kind in columns if kind in ("numeric", "categorical")]


def unique_keys(reference, current):
    """Evidently's get_unique_not_nan_values_list_from_series: the union of values, in set order."""
    return list(set(reference.unique()) | set(current.unique()))


def value_shares(reference, current):
    keys = unique_keys(reference, current)
    ref_counts = {**dict.fromkeys(keys, 0), **dict(reference.value_counts())}
    cur_counts = {**dict.fromkeys(keys, 0), **dict(current.value_counts())}
    return (keys, np.array([ref_counts[k] / len(reference) for k in keys]),
            np.array([cur_counts[k] / len(current) for k in keys]))


def binned(reference, current, numeric):
    """Evidently's get_binned_data: Sturges bins over both samples for numbers with > 20 distinct reference values."""
    if numeric and reference.nunique() > 20:
        edges = np.histogram_bin_edges(pd.concat([reference, current], axis=0).values, bins="sturges")
        labels = [f"bin {i}" for i in range(len(edges) - 1)]
        return labels, np.histogram(reference, edges)[0] / len(reference), np.histogram(current, edges)[0] / len(current)
    return value_shares(reference, current)


def fill_zeros(shares, plain):
    """Evidently's feel_zeroes: 0.0001, or the smallest non-zero share / 10**6 when that is at most 0.0001
    (plain=True: always 0.0001, the older rule that /work/shared/testvectors/quality.md states)."""
    smallest = min(shares[shares != 0])
    shares = shares.copy()
    np.place(shares, shares == 0, 0.0001 if plain or smallest > 0.0001 else smallest / 10**6)
    return shares


def psi(ref_shares, cur_shares, plain=False):
    """Evidently's psi stattest over get_binned_data's shares, empty bins filled first."""
    ref_shares, cur_shares = fill_zeros(ref_shares, plain), fill_zeros(cur_shares, plain)
    return float(np.sum((ref_shares - cur_shares) * np.log(ref_shares / cur_shares)))


def chisquare(reference, current):
    """Evidently's chisquare stattest: f_exp(k) = ref_count(k) * n_cur / n_ref over the union of values."""
    keys = unique_keys(reference, current)
    ref_counts = {**dict.fromkeys(keys, 0), **dict(reference.value_counts())}
    cur_counts = {**dict.fromkeys(keys, 0), **dict(current.value_counts())}
    k_norm = current.shape[0] / reference.shape[0]
    f_exp = [ref_counts[k] * k_norm for k in keys]
    f_obs = [cur_counts[k] for k in keys]
    with np.errstate(divide="ignore", invalid="ignore"):
        result = stats.chisquare(f_obs, f_exp)
    return float(result.statistic), float(result.pvalue)


def test_column(name, kind, reference, current):
    reference, current = reference.dropna(), current.dropna()
    numeric = kind == "numeric"
    if numeric:
        result = stats.ks_2samp(reference, current)
        statistic, pvalue, method = float(result.statistic), float(result.pvalue), "ks"
    else:
        (statistic, pvalue), method = chisquare(reference, current), "chisquare"
    labels, ref_shares, cur_shares = binned(reference, current, numeric)
    return {
        "column": name, "type": kind, "stat_test": method, "statistic": statistic, "score": pvalue,
        "psi": psi(ref_shares, cur_shares), "psi_plain_fill": psi(ref_shares, cur_shares, plain=True),
        "reference_rows": len(reference), "current_rows": len(current),
        "bins": [{"label": str(l), "reference": float(r), "current": float(c)} for l, r, c in zip(labels, ref_shares, cur_shares)],
    }


def run(pipeline, reference_csv, current_csv, out):
    columns = schema(pipeline)
    names = [name for name, _ in columns]
    start = time.perf_counter()
    reference = pd.read_csv(reference_csv, usecols=names)
    current = pd.read_csv(current_csv, usecols=names)
    read = time.perf_counter() - start
    start = time.perf_counter()
    results = [test_column(name, kind, reference[name], current[name]) for name, kind in columns]
    tests = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"columns": results}, f, indent=1)
    print(json.dumps({"read_s": round(read, 3), "tests_s": round(tests, 3)}))


def number(value):
    return float(value) if value is not None else math.nan  # drift.json writes "Infinity" as a string


def relative(ours, theirs):
    if ours == theirs:  # also both infinite
        return 0.0
    if math.isnan(ours) or math.isnan(theirs) or math.isinf(ours) or math.isinf(theirs):
        return math.inf
    return abs(ours - theirs) / max(abs(ours), abs(theirs))


def p_relative(ours, theirs):
    """p-values below 1e-300 on both sides agree (either may have underflowed to 0); one side only is a miss."""
    if ours < TINY and theirs < TINY:
        return 0.0
    return relative(ours, theirs)


def bin_difference(ours, theirs, numeric):
    """Largest relative difference of the bin shares, bins matched by position (Sturges) or by value."""
    if len(ours) != len(theirs):
        return math.inf
    if theirs and theirs[0]["label"].startswith("bin "):
        pairs = zip(ours, theirs)
    else:
        key = (lambda label: float(label)) if numeric else (lambda label: label)
        by_label = {key(b["label"]): b for b in theirs}
        pairs = [(b, by_label.get(key(b["label"]))) for b in ours]
    worst = 0.0
    for o, t in pairs:
        if t is None:
            return math.inf
        worst = max(worst, relative(o["reference"], t["reference"]), relative(o["current"], t["current"]))
    return worst


def parsing_check(reference_csv, current_csv, numeric):
    """Numbers that pandas' default ('high') parser reads differently from a correctly rounded parse."""
    differing = 0
    total = 0
    for path in (reference_csv, current_csv):
        default = pd.read_csv(path, usecols=numeric)
        exact = pd.read_csv(path, usecols=numeric, float_precision="round_trip")
        for name in numeric:
            a, b = default[name].to_numpy(dtype=float), exact[name].to_numpy(dtype=float)
            present = ~np.isnan(b)
            total += int(present.sum())
            differing += int((a[present] != b[present]).sum())
    return differing, total


def compare(drift_json, peer_json, reference_csv, current_csv):
    ours = {c["column"]: c for c in json.load(open(drift_json, encoding="utf-8"))["data_drift"]["columns"]}
    theirs = json.load(open(peer_json, encoding="utf-8"))["columns"]
    worst = {"statistic": (0.0, ""), "p": (0.0, ""), "psi": (0.0, ""), "bins": (0.0, "")}
    underflows = []
    print(f"| column | test | ours: statistic | scipy: statistic | ours: p | scipy: p | ours: PSI | numpy: PSI | rows ref / cur |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for t in theirs:
        o = ours[t["column"]]
        s, p, q = number(o["statistic"]), number(o["score"]), number(o["psi"])
        rows_ok = o["reference_rows"] == t["reference_rows"] and o["current_rows"] == t["current_rows"]
        print(f"| {t['column']} | {t['stat_test']} | {s!r} | {t['statistic']!r} | {p!r} | {t['score']!r} | {q!r} | {t['psi']!r} "
              f"| {o['reference_rows']} / {o['current_rows']}{'' if rows_ok else ' (scipy: %d / %d)' % (t['reference_rows'], t['current_rows'])} |")
        if p < TINY or t["score"] < TINY:
            underflows.append(f"{t['column']} (ours {p!r}, scipy {t['score']!r})")
        for key, diff in (("statistic", relative(s, t["statistic"])), ("p", p_relative(p, t["score"])),
                          ("psi", relative(q, t["psi"])), ("bins", bin_difference(o["bins"], t["bins"], t["type"] == "numeric"))):
            if diff > worst[key][0] or not worst[key][1]:
                worst[key] = (diff, t["column"])
        if o["stat_test"] != t["stat_test"] or not rows_ok:
            print(f"  MISMATCH in {t['column']}: test {o['stat_test']} vs {t['stat_test']}, rows as above")
    print()
    for key, label in (("statistic", "D / chi-square"), ("p", "p-value"), ("psi", "PSI"), ("bins", "bin shares")):
        diff, column = worst[key]
        print(f"max relative difference, {label}: {diff:.3g} ({column}){'' if diff <= 1e-9 else '  BEYOND 1e-9'}")
    plain = [f"{t['column']} ({t['psi']:.6g} vs {t['psi_plain_fill']:.6g})" for t in theirs if t["psi"] != t["psi_plain_fill"]]
    print(f"PSI where filling empty bins with 0.0001 always (the older rule) would differ from Evidently's: {', '.join(plain) or 'none'}")
    print(f"p-values below 1e-300 on either side (compared as both < 1e-300): {', '.join(underflows) or 'none'}")
    numeric = [t["column"] for t in theirs if t["type"] == "numeric"]
    differing, total = parsing_check(reference_csv, current_csv, numeric)
    print(f"pandas' default float parser vs round_trip: {differing} of {total} numbers differ")
    return 0 if all(worst[k][0] <= 1e-9 for k in worst) else 1


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "run":
        run(*sys.argv[2:])
    elif len(sys.argv) == 6 and sys.argv[1] == "compare":
        sys.exit(compare(*sys.argv[2:]))
    else:
        sys.exit(__doc__)
