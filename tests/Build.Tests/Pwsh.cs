using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>PowerShell (pwsh), which runs build.ps1: as .ci/run installs it (a .NET tool, pinned), or the one on PATH.</summary>
internal static class Pwsh
{
    /// <summary>Where .ci/run installs it: <c>dotnet tool install PowerShell --version 7.6.10 --tool-path "$HOME/.cache/mlops-tools/pwsh"</c>.</summary>
    public static readonly string Installed =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mlops-tools", "pwsh", OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");

    /// <summary>
    /// pwsh's path: MLOPS_PWSH when set, else <see cref="Installed"/>, else pwsh on PATH. When there is none, ignores the calling
    /// test with the reason, or fails it when MLOPS_REQUIRE_PWSH=1 (as in CI).
    /// </summary>
    public static string Require()
    {
        var program = Environment.GetEnvironmentVariable("MLOPS_PWSH") is { Length: > 0 } named ? named
            : File.Exists(Installed) ? Installed
            : OnPath() ?? Installed;
        ChildServer.RequireProgram(program, "MLOPS_REQUIRE_PWSH",
            $"install it with `dotnet tool install PowerShell --version 7.6.10 --tool-path \"$HOME/.cache/mlops-tools/pwsh\"` or name one with MLOPS_PWSH.");
        return program;
    }

    private static string? OnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh"))
            .FirstOrDefault(File.Exists);
}
