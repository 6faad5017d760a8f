#!/usr/bin/env bash
# Latency of the tracking store's registry on SQLite and on PostgreSQL (bench/StoreLatency): RegisterVersion and
# ResolveVersion, each 1,000 times after 50 warm-up operations, and two writers registering at once; prints a markdown
# table (median, p90, p99, max, wall, operations per second). Needs Debian's postgresql-15 (/usr/lib/postgresql/15/bin).
#
# The PostgreSQL server is started here, on a free 127.0.0.1 port with its data in a temp folder, with fsync and
# synchronous_commit at their defaults (on): a commit waits for the disk, as SQLite's synchronous=FULL does. (The tests'
# LoopbackPostgres runs with fsync=off.) The SQLite store is a temp folder on the same file system (/tmp).
#
#   bench/store-latency.sh               # 1,000 operations of each kind
#   OPS=200 bench/store-latency.sh       # fewer, while iterating
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ops=${OPS:-1000}
bin=/usr/lib/postgresql/15/bin
[ -x "$bin/initdb" ] || { echo "$bin/initdb is missing: apt-get install -y postgresql-15" >&2; exit 1; }
# initdb refuses root: as root the server runs as postgres, its folder owned by postgres.
as_postgres=()
[ "$(id -u)" = 0 ] && as_postgres=(runuser -u postgres --)
work=$(mktemp -d -p /tmp mlops-store-latency-XXXXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$work"
trap '"${as_postgres[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dotnet build "$root/bench/StoreLatency/StoreLatency.csproj" -c Release -nologo -v q >&2
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_postgres[@]}" "$bin/initdb" -D "$work/data" -U mlops -A trust --locale=C -E UTF8 >/dev/null
"${as_postgres[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/log" -w \
    -o "-h 127.0.0.1 -p $port -k $work -c max_connections=20" start >/dev/null
"${as_postgres[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U mlops -d postgres -qAt \
    -c 'CREATE DATABASE bench' \
    -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync')
        || ', synchronous_commit=' || current_setting('synchronous_commit') || ', full_page_writes=' || current_setting('full_page_writes')"
echo "nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo
dotnet "$root/bench/StoreLatency/bin/Release/net10.0/StoreLatency.dll" --postgres="postgresql://mlops@127.0.0.1:$port/bench" --ops="$ops"
