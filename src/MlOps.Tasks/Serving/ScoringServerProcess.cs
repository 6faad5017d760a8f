using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MlOps.Tasks.Serving;

/// <summary>
/// The scoring server (MlOps.Serving) as a child process sharing the build's console. Stopping the
/// build (Ctrl+C, SIGTERM) stops the server gracefully, so no server outlives the build that started it.
/// </summary>
public sealed partial class ScoringServerProcess : IDisposable
{
    private const int SigTerm = 15;

    private readonly Process process;
    private bool stopping;

    private ScoringServerProcess(Process process) => this.process = process;

    /// <summary>The server's process id.</summary>
    public int Id => process.Id;

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
            $"--port={launch.Port.ToString(CultureInfo.InvariantCulture)}", $"--audit_log={launch.AuditLog}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        return new ScoringServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Waits until the server ends, stopping it when the build is told to stop.</summary>
    /// <returns>The server's exit code, or 0 when the build stopped it.</returns>
    public int RunUntilStopped()
    {
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        process.WaitForExit();
        return stopping ? 0 : process.ExitCode;
    }

    /// <summary>Asks the server to stop (SIGTERM: it finishes the requests in flight and flushes its audit log), then waits.</summary>
    public void Stop()
    {
        stopping = true;
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || Terminate(process.Id, SigTerm) != 0 || !process.WaitForExit(TimeSpan.FromSeconds(30)))
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

    private void Stop(PosixSignalContext signal)
    {
        signal.Cancel = true;
        Stop();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Terminate(int pid, int signal);
}
