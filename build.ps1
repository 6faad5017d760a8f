# Runs the build program from the repository root; arguments go to it unchanged. As build.sh: built once, in Release, and
# rebuilt only when an input file is newer than the stamp, the list of input files changed, or the installed SDKs changed;
# one build at a time; the stamp is build.sh's, so switching between the two scripts does not rebuild.
#Requires -Version 7.3
$ErrorActionPreference = "Stop"
$PSNativeCommandArgumentPassing = "Standard"  # each argument reaches the program as it is, quotes and empty ones too
$program = "build/bin/Release/net10.0/Build.dll"
# As build.sh: those of them that exist (a repository made by `dotnet new mlops` has build/ and none of the rest).
$inputs = "build", "src", "Directory.Build.props", "Directory.Packages.props", "global.json", "nuget.config", "NuGet.Config", ".editorconfig" |
    Where-Object { Test-Path -LiteralPath (Join-Path $PSScriptRoot $_) }
# As find lists them: hidden files too, no symbolic link, bin and obj folders pruned.
function Get-InputFile([IO.FileSystemInfo[]] $items = (Get-Item -LiteralPath $inputs -Force)) {
    foreach ($item in $items) {
        if ($item.Name -cin "bin", "obj" -or $item.LinkTarget) { continue }
        if ($item -is [IO.DirectoryInfo]) { Get-InputFile $item.GetFileSystemInfos() } else { $item }
    }
}
function Get-Sorted([string[]] $lines) { [Array]::Sort($lines, [StringComparer]::Ordinal); $lines }  # LC_ALL=C sort
# What the stamp holds, line for line as build.sh writes it: dotnet, the SDKs installed beside it and the list of input files.
function Get-MadeOf($files) {
    $dotnet = (Get-Command dotnet -CommandType Application -TotalCount 1).Source
    $sdks = Get-ChildItem (Join-Path (Split-Path (Get-Item $dotnet).ResolvedTarget) "sdk") -Name -ErrorAction SilentlyContinue
    $names = foreach ($file in $files) { [IO.Path]::GetRelativePath($PWD.Path, $file.FullName).Replace('\', '/') }  # '/' on Windows too
    (@($dotnet) + @(Get-Sorted @($sdks)) + @(Get-Sorted @($names)) | ForEach-Object { "$_`n" }) -join ""
}
function Test-Current {
    if (-not (Test-Path $program) -or -not (Test-Path build/bin/stamp)) { return $false }
    $files = Get-InputFile
    $stamp = Get-Item build/bin/stamp
    ((Get-Content -LiteralPath $stamp.FullName -Raw) -ceq (Get-MadeOf $files)) -and
        -not ($files | Where-Object LastWriteTimeUtc -GT $stamp.LastWriteTimeUtc | Select-Object -First 1)
}
Push-Location -LiteralPath $PSScriptRoot  # and back: a script run in the caller's session would otherwise leave it here
try {
    if (-not (Test-Current)) {
        New-Item -ItemType Directory -Force build/bin | Out-Null
        # One build at a time; a second waits, then finds it current. On Linux and macOS .NET takes FileShare.None as flock, build.sh's lock.
        $lock = $null
        while (-not $lock) {
            try { $lock = [IO.File]::Open((Join-Path $PWD.Path build/bin/lock), "OpenOrCreate", "Write", "None") }
            catch [IO.IOException] {
                if ($_.Exception.GetType() -ne [IO.IOException]) { throw }  # a missing folder, say, rather than the lock held
                Start-Sleep -Milliseconds 500
            }
        }
        try {
            if (-not (Test-Current)) {
                [Console]::Error.WriteLine("Building the build program (build/Build.csproj, Release)...")
                # Its time is the build's start: an edit during the build rebuilds next time.
                Set-Content -LiteralPath build/bin/stamp.next -Value (Get-MadeOf (Get-InputFile)) -NoNewline
                dotnet build build/Build.csproj -c Release -nologo -v q --tl:off -clp:NoSummary *> build/bin/build.log
                if ($LASTEXITCODE -ne 0) {
                    $first = Select-String -LiteralPath build/bin/build.log -Pattern ': (error|fatal error) ' -CaseSensitive | Select-Object -First 1
                    $line = if ($first) { $first.Line -replace '^ ', '' } else { Get-Content -LiteralPath build/bin/build.log -Tail 1 }
                    [Console]::Error.WriteLine("Error: the build program did not build; the previous one is left as it was. $line (all output: build/bin/build.log)")
                    exit 1
                }
                Move-Item -Force -LiteralPath build/bin/stamp.next -Destination build/bin/stamp
            }
        }
        finally { $lock.Dispose() }
    }
    dotnet $program @args
    exit $LASTEXITCODE
}
finally { Pop-Location }
