#!/usr/bin/env bash
# Runs the build program from the repository root; arguments go to it unchanged. The program is built once,
# in Release, and rebuilt only when something it is made of is newer than its stamp (sources, project and
# props files with the package versions, global.json) or the installed SDKs changed: a command costs about
# what its own work costs, not an up-to-date check of every project.
set -euo pipefail
cd "$(dirname "$0")"
program=build/bin/Release/net10.0/Build.dll
# The same script bootstraps a repository made by `dotnet new mlops`, which has build/ and none of the rest.
inputs=()
for input in build src Directory.Build.props Directory.Packages.props global.json nuget.config NuGet.Config .editorconfig; do
  [ -e "$input" ] && inputs+=("$input")
done
files() { find "${inputs[@]}" \( -name bin -o -name obj \) -prune -o -type f "$@" -print; }
# What the stamp holds: dotnet, the SDKs installed beside it and the list of input files (an added, removed or renamed
# file). build.ps1 writes the same lines, so switching between the two scripts does not rebuild.
made_of() { command -v dotnet; LC_ALL=C ls "$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk"; files | LC_ALL=C sort; }
current() {
  [ -f "$program" ] && [ -f build/bin/stamp ] && [ "$(cat build/bin/stamp)" = "$(made_of)" ] &&
    [ -z "$(files -newer build/bin/stamp | head -n 1)" ]
}
if ! current; then
  mkdir -p build/bin
  exec 9>build/bin/lock
  command -v flock >/dev/null && flock 9  # one build at a time; a second waits, then finds it current
  if ! current; then
    echo "Building the build program (build/Build.csproj, Release)..." >&2
    made_of >build/bin/stamp.next  # its time is the build's start: an edit during the build rebuilds next time
    if ! dotnet build build/Build.csproj -c Release -nologo -v q --tl:off -clp:NoSummary >build/bin/build.log 2>&1; then
      first=$(grep -m1 -E ': (error|fatal error) ' build/bin/build.log || tail -n 1 build/bin/build.log)
      echo "Error: the build program did not build; the previous one is left as it was. ${first# } (all output: build/bin/build.log)" >&2
      exit 1
    fi
    mv build/bin/stamp.next build/bin/stamp
  fi
  exec 9>&-
fi
exec dotnet "$program" "$@"
