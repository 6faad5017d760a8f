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

    /// <summary>Whether the program has ended by itself.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Sends SIGTERM and waits for the program to end.</summary>
    public BuildProgram.Result Stop()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("bash", ["-c", $"kill -TERM {process.Id}"]);
            kill.WaitForExit();
        }

        if (!process.WaitForExit(TestTimeLimits.Stop))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the build did not stop within {TestTimeLimits.Stop.TotalSeconds} s of SIGTERM");
        }

        return new BuildProgram.Result(process.ExitCode, output.Result, errors.Result);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
