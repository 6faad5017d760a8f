using System.Diagnostics;

namespace MlOps.Build.Tests;

/// <summary>
/// A program run to its end in a folder, its output captured, outside any CI of the machine running the tests; killed (and
/// the test failed) after a time limit.
/// </summary>
internal static class ChildProcess
{
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
        foreach (var name in BuildProgram.CiVariables)
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

    /// <summary>Runs <paramref name="start"/> to its end: its exit code and output.</summary>
    public static BuildProgram.Result Run(ProcessStartInfo start, int minutes = 15)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // Building a program from scratch takes minutes on a loaded 2-core machine.
        if (!process.WaitForExit(TimeSpan.FromMinutes(minutes)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)}{start.Arguments} did not finish in {minutes} minutes");
        }

        return new BuildProgram.Result(process.ExitCode, output.Result, errors.Result);
    }
}
