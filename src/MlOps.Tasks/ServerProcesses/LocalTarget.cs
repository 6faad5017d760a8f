using System.Diagnostics;
using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>
/// The <c>local</c> environment: the scoring server as a background process on this machine, in its
/// own session (Ctrl+C in the terminal does not reach it), writing <c>server.log</c> and <c>server.pid</c>
/// in its deployment folder. It outlives the build; Deploy, Rollback and Status find it by its pid.
/// </summary>
public sealed class LocalTarget : IDeploymentTarget
{
    /// <summary>The server program in a server folder.</summary>
    public const string Program = "MlOps.Serving.dll";

    private const string SetSid = "/usr/bin/setsid";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(40);

    /// <inheritdoc />
    public EnvironmentKind Kind => EnvironmentKind.Local;

    /// <summary>
    /// Copies the server program in <paramref name="serving"/> into the store, under a name made of its
    /// hash, so that a deployment keeps running the code it was checked with while the build is rebuilt.
    /// </summary>
    /// <returns>The copy's folder; an existing copy of the same files is reused.</returns>
    /// <exception cref="UsageException">The folder holds no server program.</exception>
    public static string Install(string serving, string storeFolder)
    {
        if (!File.Exists(Path.Combine(serving, Program)))
        {
            throw new UsageException($"The scoring server is not at {Path.Combine(serving, Program)}; "
                + "build the build program again (dotnet build build/Build.csproj), which puts it there.");
        }

        var installed = InstallFolder(serving, storeFolder);
        if (Directory.Exists(installed))
        {
            return installed;
        }

        var staging = installed + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            foreach (var file in Directory.EnumerateFiles(serving, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(staging, Path.GetRelativePath(serving, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }

            Directory.Move(staging, installed);
        }
        catch (IOException) when (Directory.Exists(installed))
        {
            // Another build installed the same files first.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return installed;
    }

    /// <summary>Where <see cref="Install"/> puts the server program in <paramref name="serving"/>: a folder named for its files' hash.</summary>
    public static string InstallFolder(string serving, string storeFolder) =>
        Path.Combine(storeFolder, "servers", Data.FolderHash.Remembered(serving).Sha256[..16]);

    /// <inheritdoc />
    public Task<RunningServer> StartAsync(ServerStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var server = start.Server ?? throw new ArgumentException("A local deployment needs a server folder.", nameof(start));
        Directory.CreateDirectory(start.AuditFolder);

        // setsid: a session of its own, so the terminal's Ctrl+C for the build does not stop it; sh sends
        // its output to the log and hands the process over to dotnet (exec), so the pid stays the server's.
        if (!File.Exists(SetSid))
        {
            throw new UsageException($"Local deployments run the server in its own session with {SetSid} (util-linux), which this system lacks; "
                + "use Serve, or a docker environment.");
        }

        var run = new ProcessStartInfo(SetSid) { UseShellExecute = false };
        foreach (var argument in (string[])[
            "sh", "-c", "exec \"$@\" >>\"$0\" 2>&1 </dev/null", LogFile(start.Folder),
            "dotnet", Path.Combine(server, Program),
            $"--bundle={start.Bundle}", $"--public_key={start.PublicKey}", "--bind=127.0.0.1",
            $"--port={start.Port.ToString(CultureInfo.InvariantCulture)}", "--reuse_port=true",
            $"--check_port={start.CheckPort.ToString(CultureInfo.InvariantCulture)}",
            $"--audit_log={ServerStart.AuditLogOf(start.Folder)}",
            $"--audit_inputs={(start.LogInputs ? "true" : "false")}", $"--deployment={start.Key}"])
        {
            run.ArgumentList.Add(argument);
        }

        // The deployment's settings are the ones above, not whatever MLOPS_* the shell running the build has.
        foreach (var name in run.Environment.Keys.Where(k => k.StartsWith("MLOPS_", StringComparison.Ordinal)).ToList())
        {
            run.Environment.Remove(name);
        }

        run.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(run) ?? throw new InvalidOperationException("The scoring server did not start.");
        var pid = process.Id.ToString(CultureInfo.InvariantCulture);
        Artifacts.AtomicFile.WriteAllText(Path.Combine(start.Folder, "server.pid"), pid + "\n");
        return Task.FromResult(new RunningServer(pid, start.Folder));
    }

    /// <inheritdoc />
    public Task<bool> IsRunningAsync(RunningServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var process = Find(server);
        return Task.FromResult(process is not null);
    }

    /// <inheritdoc />
    public Task<string> LogTailAsync(RunningServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var log = LogFile(server.Folder);
        return Task.FromResult(File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(40)) : "(no log)");
    }

    /// <inheritdoc />
    public async Task StopAsync(RunningServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var process = Find(server);
        if (process is null)
        {
            return;
        }

        using var wait = new CancellationTokenSource(StopTimeout);
        try
        {
            if (ProcessSignal.Terminate(process.Id))
            {
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // It did not stop in time.
        }

        process.Kill();
    }

    private static string LogFile(string folder) => Path.Combine(folder, "server.log");

    /// <summary>
    /// The process id of the server whose command line names deployment folder <paramref name="folder"/>, for a server
    /// whose build was killed before it recorded the id; null when none runs (or there is no /proc to tell).
    /// </summary>
    internal static string? ProcessOf(string folder)
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(entry);
            if (name.All(char.IsAsciiDigit))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(entry, "cmdline")).Contains(folder, StringComparison.Ordinal))
                    {
                        return name;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // It ended meanwhile, or is another user's.
                }
            }
        }

        return null;
    }

    // The process with that id, if it is still the server of that deployment (ids are reused).
    private static Process? Find(RunningServer server)
    {
        if (!int.TryParse(server.RunsAs, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }

        // Its command line names the deployment folder (the audit log is in it). Without /proc that cannot
        // be told, and a process that may not be ours is never signalled.
        var commandLine = $"/proc/{pid}/cmdline";
        var ours = !process.HasExited && File.Exists(commandLine) && File.ReadAllText(commandLine).Contains(server.Folder, StringComparison.Ordinal);
        if (!ours)
        {
            process.Dispose();
            return null;
        }

        return process;
    }
}
