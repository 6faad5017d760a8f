#!/usr/bin/env bash
# A team's own repository, timed: this build's packages packed (Release) into a folder feed, a repository made with
# `dotnet new mlops`, its first ./build.sh (restore + build of the program, then the sample pipeline), and what a command
# costs when nothing changed: ./build.sh and build.ps1 (the stamp check), the program alone, the pipeline reused, and
# an MSBuild project running the same pipeline through the MlOps.MSBuild package (`dotnet build` skipping its targets).
# Usage: bench/team-repository.sh [runs=5]        Needs: hyperfine; pwsh for the build.ps1 row (skipped without it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
version="0.0.0-bench.t$(date +%s)"
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
trap 'rm -rf "$work" "$packages"/mlops.{models,tasks,build,msbuild}/"$version"' EXIT
pwsh=${MLOPS_PWSH:-$HOME/.cache/mlops-tools/pwsh/pwsh}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
seconds() { local start=$SECONDS; "$@" >"$work/last.log" 2>&1 || { tail -n 20 "$work/last.log"; exit 1; }; echo "$((SECONDS - start)) s: $*"; }

cd "$root"
git log -1 --format='commit %h %s'
for project in src/Models src/MlOps.Tasks src/MlOps.Build src/MlOps.MSBuild src/MlOps.Templates; do
  seconds dotnet pack "$project" -c Release -nologo -v q -o "$work/feed" -p:Version="$version"
done
ls -l "$work/feed" | awk 'NR > 1 { printf "%6.1f MB  %s\n", $5 / 1048576, $9 }'

hive="--debug:custom-hive $work/templates"
dotnet new install "$work/feed/MlOps.Templates.$version.nupkg" $hive >/dev/null
dotnet new mlops -n loans -o "$work/loans" --feed "$work/feed" $hive >/dev/null
cd "$work/loans"
echo "First commands in the new repository:"
seconds ./build.sh --description            # restore from the feed, build the program
seconds ./build.sh                          # the sample pipeline: data generated, trained, gated, reported

# The same pipeline as MSBuild targets of a project beside it, on the same data (its own store and artifacts).
mkdir "$work/msbuild" && cp -r pipelines data data.dvc nuget.config "$work/msbuild/"
cat >"$work/msbuild/Loans.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><MlOpsPipeline>pipelines/loans.yaml</MlOpsPipeline></PropertyGroup>
  <ItemGroup><PackageReference Include="MlOps.MSBuild" Version="$version" /></ItemGroup>
</Project>
EOF
seconds dotnet build "$work/msbuild" -nologo -v q -nodeReuse:false   # restore, then CheckData → … → BiasCheck

commands=(
  "./build.sh --description"
  "dotnet build/bin/Release/net10.0/Build.dll --description"
  "./build.sh --target=BiasCheck"
  "dotnet build $work/msbuild --no-restore -nologo -v q -nodeReuse:false"
)
[ -x "$pwsh" ] && commands+=("$pwsh -NoProfile -File ./build.ps1 --description")
echo "Nothing changed:"
hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/noop.md" "${commands[@]}"
sed "s#$work/msbuild#<msbuild project>#; s#$pwsh#pwsh#" "$work/noop.md"
