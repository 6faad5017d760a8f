using System.Diagnostics;

namespace MlOps.Build.Tests;

/// <summary>
/// A program run to its end in a folder, its output captured, outside any CI of the machine running the tests; killed (and
/// the test failed) after a time limit.
/// </summary>
internal static class ChildProcess
{
    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="folder"/>, without colour, with
    /// <paramref name="environment"/> added (a null value removes the variable).
    /// </summary>
    public static BuildProgram.Result Run(
        string folder, string program, string arguments, IReadOnlyDictionary<string, string?>? environment = null, int minutes = 15)
    {
        var start = new ProcessStartInfo(program, arguments)
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // Building a program from scratch takes minutes on a loaded 2-core machine.
        if (!process.WaitForExit(TimeSpan.FromMinutes(minutes)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {arguments} did not finish in {minutes} minutes");
        }

        return new BuildProgram.Result(process.ExitCode, output.Result, errors.Result);
    }
}
