using System.Diagnostics;
using System.Globalization;
using MlOps.Testing;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>SIGKILL, as <c>kill -9</c> sends it: to the build program at a moment of its run, or to a server by its pid.</summary>
internal static class Sigkill
{
    /// <summary>
    /// Runs the build program (Build.dll beside the tests) in <paramref name="build"/>'s repository, after
    /// <paramref name="prepare"/>, and kills it at <paramref name="moment"/>. A run that ends before the moment (a
    /// machine shared with other work is faster at times than when the operation was measured) is prepared and run
    /// again, up to twice, with the moment at the same share of the duration of the run that ended.
    /// </summary>
    public static KilledRun Build(BuildProgram build, KillMoment moment, Action prepare, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentNullException.ThrowIfNull(prepare);
        for (var attempt = 1; ; attempt++)
        {
            prepare();
            var (run, took) = Once(build, moment, args);
            if (run.Killed || attempt == 3)
            {
                return run;
            }

            moment = moment with { At = took * moment.Share, Measured = took };
        }
    }

    private static (KilledRun Run, TimeSpan Took) Once(BuildProgram build, KillMoment moment, string[] args)
    {
        var start = build.Start(args);
        var clock = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var left = moment.At - clock.Elapsed;
        var ended = left > TimeSpan.Zero && process.WaitForExit(left);
        var took = clock.Elapsed;
        if (!ended && !process.HasExited)
        {
            // Only the program: a server it started in a session of its own lives on, as after kill -9 of the build.
            process.Kill(entireProcessTree: false);
        }

        if (!process.WaitForExit(TestTimeLimits.Stop))
        {
            Assert.Fail($"{moment}: the build did not end within {TestTimeLimits.Stop.TotalSeconds} s of SIGKILL");
        }

        // A kill that crossed the program's own ending is no kill: SIGKILL shows as exit 137.
        var killed = !ended && process.ExitCode == 137;
        var run = new KilledRun(moment, killed, killed ? null : process.ExitCode, output.Result + errors.Result);
        TestContext.Progress.WriteLine(run.ToString());
        return (run, took);
    }

    /// <summary>Kills the process <paramref name="pid"/>; false when it had already ended.</summary>
    public static bool Process(string pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture));
            process.Kill(entireProcessTree: false);
            process.WaitForExit(TimeSpan.FromSeconds(30));
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
