# Runs the build program from the repository root; arguments go to it unchanged. As build.sh: built once, in
# Release, and rebuilt only when an input file is newer than the stamp, the list of input files changed, or the
# installed SDKs changed.
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$program = "build/bin/Release/net10.0/Build.dll"
$stampFile = "build/bin/stamp"
$inputs = "build", "src", "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig"
$files = Get-ChildItem -Path $inputs -File -Recurse |
    Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
$dotnet = (Get-Command dotnet).Source
$sdkFolder = Join-Path (Split-Path (Get-Item $dotnet).ResolvedTarget -Parent) "sdk"
$sdks = (Get-ChildItem $sdkFolder -Directory -ErrorAction SilentlyContinue | ForEach-Object Name) -join " "
$list = ($files | ForEach-Object { [IO.Path]::GetRelativePath($PSScriptRoot, $_.FullName) } | Sort-Object) -join "`n"
$madeOf = "$dotnet`n$sdks`n" + [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($list)))
$current = (Test-Path $program) -and (Test-Path $stampFile) -and ((Get-Content $stampFile -Raw) -eq $madeOf) -and
    -not ($files | Where-Object { $_.LastWriteTimeUtc -gt (Get-Item $stampFile).LastWriteTimeUtc } | Select-Object -First 1)
if (-not $current) {
    New-Item -ItemType Directory -Force build/bin | Out-Null
    [Console]::Error.WriteLine("Building the build program (build/Build.csproj, Release)...")
    # Its time is the build's start: an edit during the build rebuilds next time.
    Set-Content -Path "$stampFile.next" -Value $madeOf -NoNewline
    dotnet build build/Build.csproj -c Release -nologo -v q --tl:off -clp:NoSummary *> build/bin/build.log
    if ($LASTEXITCODE -ne 0) {
        $first = Select-String -Path build/bin/build.log -Pattern ': (error|fatal error) ' | Select-Object -First 1
        $line = if ($first) { $first.Line.Trim() } else { (Get-Content build/bin/build.log -Tail 1) }
        [Console]::Error.WriteLine("Error: the build program did not build; the previous one is left as it was. $line (all output: build/bin/build.log)")
        exit 1
    }
    Move-Item -Force "$stampFile.next" $stampFile
}
dotnet $program @args
exit $LASTEXITCODE
