#!/usr/bin/env bash
# Load test of the scoring server with wrk (Debian's wrk 4.1), beside a bare ASP.NET Core endpoint
# that answers a constant (bench/peers/ConstantServer): the stack's ceiling on this machine. The
# latency at half of the maximum throughput comes from hey (Debian's hey), which holds a fixed rate.
# Needs the sample model: run ./build.sh once first. Everything binds 127.0.0.1.
#
#   bench/serve-load.sh                  # 60 s per run
#   DURATION=10 bench/serve-load.sh      # shorter, while iterating
#   PORTS="5280 5281" bench/serve-load.sh  # the ceiling's and the server's ports (default: two free ones)
#   BASELINE=main bench/serve-load.sh    # also the server as at a git ref, single rows, in the same run
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${DURATION:-60}
connections=${CONNECTIONS:-32}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

for tool in wrk hey; do
    command -v $tool >/dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 1; }
done
artifacts="$root/artifacts/credit-scoring"
[ -f "$artifacts/model.mlbundle" ] || { echo "No sample model: run ./build.sh first" >&2; exit 1; }

# Two free loopback ports unless given: the machine is shared, and fixed ports collide with other runs.
read -r ceiling_port server_port <<<"${PORTS:-$(/usr/bin/python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')}"
baseline=${BASELINE:-}

dotnet publish -c Release "$root/src/MlOps.Serving" -o "$work/serving" --nologo -v quiet
dotnet publish -c Release "$root/bench/peers/ConstantServer" -o "$work/constant" --nologo -v quiet
if [ -n "$baseline" ]; then
    mkdir -p "$work/baseline-src"
    git -C "$root" archive "$baseline" src Directory.Build.props Directory.Packages.props global.json .editorconfig | tar -x -C "$work/baseline-src"
    dotnet publish -c Release "$work/baseline-src/src/MlOps.Serving" -o "$work/baseline" --nologo -v quiet
    baseline_port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi

# Request bodies from the sample's rows: one row, and a batch of 100, as MLflow's dataframe_records.
/usr/bin/python3 - "$root/data/credit.csv" "$work" <<'PY'
import csv, json, sys
rows = []
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        row.pop("default")
        for k, v in row.items():
            if v in ("", "NA"):
                row[k] = None
            else:
                try:
                    row[k] = float(v)
                except ValueError:
                    pass
        rows.append(row)
        if len(rows) == 100:
            break
json.dump({"dataframe_records": rows[:1]}, open(sys.argv[2] + "/one.json", "w"))
json.dump({"dataframe_records": rows}, open(sys.argv[2] + "/batch.json", "w"))
PY

# POSTs the file in $BODY.
cat > "$work/post.lua" <<'LUA'
local f = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
LUA

wait_healthy() {
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0
        sleep 0.2
    done
    echo "server on port $1 did not become healthy" >&2
    exit 1
}

rss() { ps -o rss= -p "$1" | awk '{printf "%.0f MB", $1/1024}'; }

run() { # name port body seconds
    local name=$1 port=$2 body=$3 seconds=$4
    echo "== $name: wrk -t1 -c$connections -d${seconds}s --latency (body $(basename "$body"))"
    BODY=$body wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/invocations" \
        | tee "$work/$name.txt" | grep -E "Requests/sec|Non-2xx|Socket errors|  (50|99)%|Latency  "
}

dotnet "$work/constant/ConstantServer.dll" --port=$ceiling_port >/dev/null & pids+=($!)
constant=$!
MLOPS_AUDIT_LOG="$work/audit/predictions.jsonl" dotnet "$work/serving/MlOps.Serving.dll" \
    --bundle="$artifacts/model.mlbundle" --public_key="$artifacts/signing-key.pub.pem" --port=$server_port >/dev/null & pids+=($!)
server=$!
wait_healthy $ceiling_port
wait_healthy $server_port
if [ -n "$baseline" ]; then
    MLOPS_AUDIT_LOG="$work/baseline-audit/predictions.jsonl" dotnet "$work/baseline/MlOps.Serving.dll" \
        --bundle="$artifacts/model.mlbundle" --public_key="$artifacts/signing-key.pub.pem" --port=$baseline_port >/dev/null & pids+=($!)
    wait_healthy $baseline_port
    BODY=$work/one.json wrk -t1 -c"$connections" -d5s -s "$work/post.lua" http://127.0.0.1:$baseline_port/invocations >/dev/null
fi

BODY=$work/one.json wrk -t1 -c"$connections" -d5s -s "$work/post.lua" http://127.0.0.1:$ceiling_port/invocations >/dev/null
BODY=$work/one.json wrk -t1 -c"$connections" -d5s -s "$work/post.lua" http://127.0.0.1:$server_port/invocations >/dev/null
echo "server RSS after warm-up: $(rss $server)"

run ceiling-single $ceiling_port "$work/one.json" "$duration"
run serving-single $server_port "$work/one.json" "$duration"
[ -z "$baseline" ] || run "baseline-single($baseline)" $baseline_port "$work/one.json" "$duration"
echo "server RSS: $(rss $server)"
run serving-batch100 $server_port "$work/batch.json" "$duration"
echo "server RSS: $(rss $server)"

# Half of the measured single-row maximum, as a fixed rate: $connections workers of hey, each rate-limited.
max=$(awk '/Requests\/sec/ {print $2}' "$work/serving-single.txt")
per_worker=$(awk -v c="$connections" -v m="$max" 'BEGIN { printf "%d", m / 2 / c }')
echo "== serving-single-half: hey -z ${duration}s -c $connections -q $per_worker (half of $max requests/s)"
hey -z "${duration}s" -c "$connections" -q "$per_worker" -m POST -T application/json -D "$work/one.json" http://127.0.0.1:$server_port/invocations \
    | grep -E "Requests/sec|  (50|90|99)% in|^  \[[0-9]+\]"
echo "server RSS: $(rss $server)"
echo "audit records: $(cat "$work"/audit/*.jsonl | wc -l)"
