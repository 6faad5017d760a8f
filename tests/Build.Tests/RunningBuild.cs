using System.Diagnostics;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>The build program running in the background; stopped as a terminal stops it (SIGTERM), killed if it will not stop.</summary>
internal sealed class RunningBuild : IDisposable
{
    private readonly Process process;
    private readonly Task<string> output;
    private readonly Task<string> errors;

    public RunningBuild(Process process)
    {
        this.process = process;
        output = process.StandardOutput.ReadToEndAsync();
        errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The program's process id.</summary>
    public int Id => process.Id;

    /// <summary>Whether the program has ended by itself.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Sends SIGTERM and waits for the program to end.</summary>
    public BuildProgram.Result Stop()
    {
        if (!process.HasExited)
        {
            Signal("TERM");
        }

        if (!process.WaitForExit(TestTimeLimits.Stop))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the build did not stop within {TestTimeLimits.Stop.TotalSeconds} s of SIGTERM");
        }

        return new BuildProgram.Result(process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Freezes the program (SIGSTOP) where it is, so that a test can kill it at a known point.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>
    /// Kills the program with SIGKILL, as <c>kill -9</c> or a CI runner's timeout does: the program only, not the
    /// servers it started in sessions of their own; waits until it is gone.
    /// </summary>
    public void Kill()
    {
        Signal("KILL");
        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(60)), Is.True, "the build ended after SIGKILL");
    }

    /// <summary>Waits for the program to end by itself; null when it still runs after <paramref name="timeout"/>.</summary>
    public BuildProgram.Result? Wait(TimeSpan timeout) =>
        process.WaitForExit(timeout) ? new BuildProgram.Result(process.ExitCode, output.Result, errors.Result) : null;

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Signal(string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
