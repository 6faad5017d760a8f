using System.Diagnostics;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>
/// A program run to its end in a folder, its output captured, outside any CI of the machine running the tests; killed (and
/// the test failed) after a time limit.
/// </summary>
internal static class ChildProcess
{
    /// <summary>The variables a program detects a CI service by, or that the service sets for it: never inherited.</summary>
    public static readonly string[] CiVariables =
        ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITLAB_CI", "TF_BUILD", "BUILD_SOURCESDIRECTORY"];

    /// <summary>How <paramref name="program"/> is started in <paramref name="folder"/> with <paramref name="args"/>: output collected, no colour.</summary>
    public static ProcessStartInfo Start(string folder, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        // A program under test writes to no job summary of the CI running the tests.
        foreach (var name in CiVariables)
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    /// <summary>Runs <paramref name="program"/> with the command line <paramref name="arguments"/> in <paramref name="folder"/>.</summary>
    public static BuildProgram.Result Run(string folder, string program, string arguments)
    {
        var start = Start(folder, program);
        start.Arguments = arguments;
        return Run(start);
    }

    /// <summary>Runs <paramref name="start"/> to its end: its exit code and output; fails the test after <see cref="TestTimeLimits.Run"/>.</summary>
    public static BuildProgram.Result Run(ProcessStartInfo start)
    {
        var limit = TestTimeLimits.Run;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // Building a program from scratch takes minutes on a loaded 2-core machine.
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)}{start.Arguments} did not finish in {limit.TotalMinutes} minutes");
        }

        return new BuildProgram.Result(process.ExitCode, output.Result, errors.Result);
    }
}
