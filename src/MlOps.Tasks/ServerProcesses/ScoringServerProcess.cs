using System.Diagnostics;
using System.Globalization;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>
/// The scoring server (MlOps.Serving) as a child process sharing the build's console. Stopping the
/// build (Ctrl+C, SIGTERM) stops the server gracefully, so no server outlives the build that started it.
/// </summary>
public sealed class ScoringServerProcess : IDisposable
{
    private readonly Process process;

    private ScoringServerProcess(Process process) => this.process = process;

    /// <summary>Starts the server in the foreground: its output goes to the build's console.</summary>
    /// <exception cref="UsageException">The server program is not where the build put it.</exception>
    public static ScoringServerProcess Start(ServerLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (!File.Exists(launch.Program))
        {
            throw new UsageException($"The scoring server is not at {launch.Program}; build the build program again (dotnet build build/Build.csproj), which puts it there.");
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in new[]
        {
            launch.Program, $"--bundle={launch.Bundle}", $"--public_key={launch.PublicKey}",
            "--bind=127.0.0.1", $"--port={launch.Port.ToString(CultureInfo.InvariantCulture)}", $"--audit_log={launch.AuditLog}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        return new ScoringServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Waits until the server ends, stopping it when <paramref name="cancellation"/> is cancelled (the build is told to stop).</summary>
    /// <returns>The server's exit code: 0 when it stopped cleanly, also when the build asked it to.</returns>
    public int RunUntilStopped(CancellationToken cancellation)
    {
        using var stop = cancellation.Register(Stop);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Asks the server to stop (SIGTERM: it finishes the requests in flight and flushes its audit log), then waits.</summary>
    public void Stop()
    {
        if (process.HasExited)
        {
            return;
        }

        // The server waits up to 20 s for requests in flight, then drains its audit log: give it that and more.
        if (!ProcessSignal.Terminate(process.Id) || !process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        process.Dispose();
    }
}
