#!/usr/bin/env bash
# BuildImage beside the usual hand-written way of making the same image: `dotnet publish` on the host,
# then a plain Dockerfile FROM the same offline base (no SDK image is reachable here), built with
# `docker build`. Prints the build times, cold and warm, and the image sizes of both.
#
#   Reference, in a copy of src/ without bin/ or obj/ (so the first publish is cold: restore from the
#   NuGet cache, compile, publish), then again unchanged (warm); `docker build --no-cache` (cold), then
#   `docker build` again (warm, every layer cached). Docker's classic builder, as BuildImage uses.
#   BuildImage, in this repository with --exclusive: cold = the recorded image removed first, so
#   Docker has no layer to reuse; --force = rebuilt onto cached layers; warm = nothing changed
#   (`unchanged`). Each includes `dotnet run`'s up-to-date check (the last line is the program alone)
#   and, when it builds, the smoke test.
#
# Usage: bench/image-reference.sh     Needs: Docker, and ./build.sh --target=BuildImage run once.
# The reference image is removed at the end; so is each image of ours that a rebuild here replaced.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts="$root/artifacts/credit-scoring"
reference="mlops-bench/reference:$$"
work=$(mktemp -d)
container=""
trap 'if [ -n "$container" ]; then docker rm -f "$container" >/dev/null 2>&1 || true; fi
      docker rmi -f "$reference" >/dev/null 2>&1 || true
      rm -rf "$work"' EXIT
export DOCKER_BUILDKIT=0 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

[ -f "$artifacts/image.json" ] || { echo "No image.json: run ./build.sh --target=BuildImage first" >&2; exit 1; }
base=$(docker images mlops/base --format '{{.Repository}}:{{.Tag}}' | head -n 1)
[ -n "$base" ] || { echo "No mlops/base image: run ./build.sh --target=BuildImage first" >&2; exit 1; }
field() { sed -n "s/^ *\"$1\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$artifacts/image.json"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB (%d bytes)", b / 1e6, b }'; }

declare -a rows
# timed <label> <command...>: runs the command (its output to $work/log) and records its wall time.
timed() {
    local label=$1 start end
    shift
    start=$(date +%s.%N)
    if ! "$@" >"$work/log" 2>&1; then
        tail -n 30 "$work/log" >&2
        echo "failed: $*" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    rows+=("$(printf '| %s | %.1f s |' "$label" "$(echo "$end - $start" | bc)")")
}
# buildimage <label> <args...>: times ./build.sh --target=BuildImage --exclusive and keeps its own line.
buildimage() {
    local label=$1 before after
    shift
    before=$(field id)
    timed "$label" "$root/build.sh" --target=BuildImage --exclusive "$@"
    grep -E '^BuildImage: |^ +BuildImage ' "$work/log" | sed 's/ *$//'
    after=$(field id)
    # A rebuild leaves the image it replaced untagged; it is ours, and it would keep the cold run warm.
    if [ "$before" != "$after" ]; then docker rmi "$before" >/dev/null 2>&1 || true; fi
}

echo "Base: $base (BuildImage's: $(field base))"
echo "== Reference: dotnet publish, then a plain Dockerfile"
mkdir -p "$work/repo" "$work/context/model"
tar -C "$root" --exclude=bin --exclude=obj -c global.json .editorconfig Directory.Build.props Directory.Packages.props \
    src/Models src/MlOps.Serving | tar -C "$work/repo" -x
publish=(dotnet publish "$work/repo/src/MlOps.Serving" -c Release -r linux-x64 --self-contained -o "$work/context/app")
timed "\`dotnet publish -c Release -r linux-x64 --self-contained\`, cold (no obj/)" "${publish[@]}"
timed "\`dotnet publish\` again, warm" "${publish[@]}"
cp "$artifacts/model.mlbundle" "$artifacts/signing-key.pub.pem" "$work/context/model/"
cat >"$work/context/Dockerfile" <<EOF
FROM $base
COPY app/ /app/
COPY model/ /model/
ENV MLOPS_BUNDLE=/model/model.mlbundle MLOPS_PUBLIC_KEY=/model/signing-key.pub.pem MLOPS_BIND=127.0.0.1 MLOPS_PORT=8080
USER 10001:10001
WORKDIR /app
ENTRYPOINT ["/app/MlOps.Serving"]
EOF
timed "\`docker build --no-cache\`, cold" docker build --no-cache -t "$reference" "$work/context"
timed "\`docker build\` again, warm" docker build -t "$reference" "$work/context"

# The reference must serve, or its size says nothing: start it on a free loopback port, ask /health.
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
container=$(docker run -d --network host -e MLOPS_PORT="$port" "$reference")
health="no answer"
for _ in $(seq 1 100); do
    if curl -sf "http://127.0.0.1:$port/health" >/dev/null; then health="healthy"; break; fi
    sleep 0.2
done
docker rm -f "$container" >/dev/null
container=""

echo "== BuildImage"
"$root/build.sh" --target=BuildImage --exclusive >/dev/null   # the build program up to date, the image current
docker rmi -f "$(field id)" >/dev/null
buildimage "\`./build.sh --target=BuildImage --exclusive\`, cold (image removed)"
buildimage "\`./build.sh --target=BuildImage --exclusive --force\`, layers cached" --force
buildimage "\`./build.sh --target=BuildImage --exclusive\`, warm (unchanged)"
timed "\`./build.sh --target=BuildImage\`, warm, the whole chain unchanged" "$root/build.sh" --target=BuildImage
grep -E '^ +BuildImage ' "$work/log" | sed 's/ *$//'
cd "$root"   # what build.sh runs, without \`dotnet run\`'s check that the build program is up to date
timed "\`dotnet build/bin/Debug/net10.0/Build.dll --target=BuildImage --exclusive\`, warm" dotnet build/bin/Debug/net10.0/Build.dll --target=BuildImage --exclusive
grep -E '^ +BuildImage ' "$work/log" | sed 's/ *$//'

echo "== Times"
echo "| Step | Wall |"
echo "|:---|---:|"
printf '%s\n' "${rows[@]}"
echo "== Sizes (the reference serves /health: $health)"
echo "| Image | Size | Server files |"
echo "|:---|---:|---:|"
echo "| Reference, \`$reference\` | $(mb "$(docker image inspect -f '{{.Size}}' "$reference")") | $(mb "$(du -sb "$work/context/app" | cut -f1)") |"
echo "| BuildImage, \`$(field id | cut -c 8-19)\` | $(mb "$(field size)") | $(mb "$(du -sb "$root/build/bin/Debug/net10.0/serving-linux-x64" | cut -f1)") |"
