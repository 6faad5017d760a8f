using System.Diagnostics;
using MlOps.Testing;

namespace MlOps.MSBuild.Tests;

/// <summary>Runs the dotnet CLI as a user would, with MSBuild's node reuse off, and captures its exit code and output.</summary>
internal static class Dotnet
{
    /// <summary>The repository these tests were built from.</summary>
    public static readonly string SourceRoot = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));

    /// <summary>Runs <c>dotnet <paramref name="args"/></c> in <paramref name="folder"/>.</summary>
    public static Result Run(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host's MSBuild variables (set by `dotnet test`) would point a child build at its MSBuild rather than the SDK's own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        // A reused node would keep the task assembly loaded (and locked) after the build; each build here starts and ends its own.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TestTimeLimits.Run))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish in {TestTimeLimits.Run.TotalMinutes} minutes");
        }

        return new Result(process.ExitCode, output.Result + errors.Result);
    }

    /// <summary>What a run of the CLI came to: its exit code and its standard output followed by its standard error.</summary>
    public sealed record Result(int ExitCode, string Output);
}
