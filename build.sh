#!/usr/bin/env bash
# Runs the build program from the repository root; arguments go to it unchanged.
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project build/Build.csproj -- "$@"
