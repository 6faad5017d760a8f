#!/usr/bin/env bash
# Monitor on 1M reference against 1M current rows x 20 columns (KS for the 14 numeric columns, chi-square for
# the 6 categorical ones, PSI and bins for all), against the same tests in pandas + numpy + scipy as Evidently
# runs them (bench/peers/monitor_scipy.py); then both sides' statistics compared column by column, and Monitor's
# two halves (reading, testing) in process with BenchmarkDotNet.
# Usage: bench/monitor-vs-scipy.sh [rows=1000000] [rounds=3]
# Needs: Debian's python3-numpy python3-pandas python3-scipy (apt-get install -y ...), run by /usr/bin/python3.
# Everything happens in a temporary folder (a Release build of the build program, the data, the artifacts).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-1000000}
rounds=${2:-3}
python=/usr/bin/python3
"$python" -c 'import numpy, pandas, scipy' 2>/dev/null \
  || { echo "monitor-vs-scipy: needs Debian's python3-numpy python3-pandas python3-scipy (apt-get install -y ...)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/build/Build.csproj" -c Release -o "$work/bin" >/dev/null
"$python" "$root/bench/monitor-data.py" "$work/repo" "$rows"
cd "$work/repo"
ls -l data
"$python" -c 'import numpy, pandas, scipy; print(f"numpy {numpy.__version__}, pandas {pandas.__version__}, scipy {scipy.__version__}")'
dotnet --version

monitor=(dotnet "$work/bin/Build.dll" --target=Monitor --pipeline=pipelines/monitor-bench.yaml
  --reference=data/reference.csv --current=data/current.csv)
peer=("$python" "$root/bench/peers/monitor_scipy.py" run pipelines/monitor-bench.yaml data/reference.csv data/current.csv "$work/scipy.json")

# One line per run in $work/times.tsv: round, side, wall s, peak RSS KB, then Monitor's task duration from its
# summary table, or the peer's read and test seconds.
run_monitor() {
  local status=0
  /usr/bin/time -f "%e %M" -o "$work/time" "${monitor[@]}" > "$work/monitor.out" 2>&1 || status=$?
  # Exit 3 is a drift breach, not a failure of the run.
  if [[ $status -ne 0 && $status -ne 3 ]]; then cat "$work/monitor.out" >&2; exit "$status"; fi
  local task
  task=$(sed -n 's/^ *Monitor  *ran  *\([0-9.]*\)s.*/\1/p' "$work/monitor.out")
  echo -e "$1\tmonitor\t$(tr ' ' '\t' < "$work/time")\t$task" >> "$work/times.tsv"
}
run_peer() {
  local line
  line=$(/usr/bin/time -f "%e %M" -o "$work/time" "${peer[@]}")
  echo -e "$1\tscipy\t$(tr ' ' '\t' < "$work/time")\t$(echo "$line" | "$python" -c 'import json,sys; t=json.load(sys.stdin); print(t["read_s"], t["tests_s"], sep="\t")')" >> "$work/times.tsv"
}

# A warm-up of each (page cache, the dotnet host), then the rounds interleaved: the machine is shared.
run_monitor warmup
run_peer warmup
for round in $(seq "$rounds"); do
  echo "round $round of $rounds (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  run_monitor "$round"
  run_peer "$round"
done
grep -v '^warmup' "$work/times.tsv" | "$python" -c '
import statistics, sys
runs = [line.rstrip("\n").split("\t") for line in sys.stdin]
ours = [r for r in runs if r[1] == "monitor"]
theirs = [r for r in runs if r[1] == "scipy"]
def span(values, unit=" s"):
    values = sorted(values)
    return f"{statistics.median(values):.2f}{unit} ({values[0]:.2f}-{values[-1]:.2f})"
walls = [float(r[2]) for r in ours]
print()
print("| Command | Wall, median (min-max) | Of which | Peak RSS |")
print("|:---|---:|:---|---:|")
print(f"| Monitor (`Build.dll --target=Monitor ...`) | {span(walls)} | task {span([float(r[4]) for r in ours])} "
      f"| {max(int(r[3]) for r in ours) / 1024:.0f} MB |")
print(f"| `monitor_scipy.py run ...` | {span([float(r[2]) for r in theirs])} | read_csv {span([float(r[4]) for r in theirs])}, "
      f"tests {span([float(r[5]) for r in theirs])} | {max(int(r[3]) for r in theirs) / 1024:.0f} MB |")
ratios = [float(t[2]) / float(o[2]) for o, t in zip(ours, theirs)]
print()
print(f"scipy peer / Monitor, wall time per round: {span(ratios, unit=chr(215))}")
'

echo
echo "Statistics, Monitor's drift.json against scipy's (the last runs):"
"$python" "$root/bench/peers/monitor_scipy.py" compare artifacts/monitor-bench/monitoring/drift.json "$work/scipy.json" \
  data/reference.csv data/current.csv || echo "(some statistic differs by more than 1e-9: above)"

echo
echo "Monitor in process, BenchmarkDotNet (1 warm-up, 3 iterations):"
(cd "$root/bench/MlOps.Benchmarks" && dotnet run -c Release -- --filter '*MonitorBenchmarks*' --envVars "MLOPS_BENCH_MONITOR:$work/repo" 2>&1 \
  | grep -E '^\| |^\|-|WorkloadActual' || true)
