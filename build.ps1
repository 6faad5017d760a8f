# Runs the build program from the repository root; arguments go to it unchanged.
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
dotnet run --project build/Build.csproj -- $args
exit $LASTEXITCODE
