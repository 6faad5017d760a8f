using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;

namespace MlOps.Testing;

/// <summary>
/// The temp folder of a <see cref="LoopbackPostgres"/> server (data, socket, log) and the programs run on it: as user
/// postgres when this process is root, since initdb refuses root, the folder then being under /tmp and owned by postgres.
/// A watchdog shell, whose standard input only this process holds, waits for that input to end, which happens when the
/// folder is disposed or this process ends, even killed; it then stops the server (<c>pg_ctl -m immediate stop</c>) and
/// deletes the folder.
/// </summary>
internal sealed class PostgresFolder : IAsyncDisposable
{
    private const int StartAttempts = 3;

    private const string Watchdog = """
        exec >/dev/null 2>&1
        trap '' INT TERM HUP
        cat
        "${@:2}" -D "$1/data" -m immediate stop
        rm -rf "$1"
        """;

    private readonly string bin;
    private readonly Process watchdog;

    private PostgresFolder(string bin, string path)
    {
        this.bin = bin;
        Path = path;
        Version = int.Parse(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(bin))!, CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var word in (string[])["-c", Watchdog, "postgres-watchdog", path, .. Command(bin + "/pg_ctl")])
        {
            start.ArgumentList.Add(word);
        }

        watchdog = Process.Start(start)!;
    }

    public string Path { get; }

    public int Version { get; }

    private static bool AsRoot => Environment.UserName == "root";

    private string Data => Path + "/data";

    private string Log => Path + "/log";

    /// <summary>The bin folder of the highest PostgreSQL version installed, or null when there is none.</summary>
    public static string? FindPrograms() =>
        !Directory.Exists(LoopbackPostgres.Programs) ? null : Directory.GetDirectories(LoopbackPostgres.Programs)
            .Select(folder => (Folder: folder, Version: int.TryParse(System.IO.Path.GetFileName(folder), CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(found => found.Version > 0 && new[] { "initdb", "pg_ctl", "postgres" }.All(program => File.Exists($"{found.Folder}/bin/{program}")))
            .OrderByDescending(found => found.Version)
            .Select(found => found.Folder + "/bin")
            .FirstOrDefault();

    public static async Task<PostgresFolder> CreateAsync(string bin)
    {
        var parent = AsRoot ? "/tmp" : System.IO.Path.GetTempPath().TrimEnd('/');
        var (exit, output) = await RunAsync("mktemp", "-d", "-p", parent, "mlops-pg-XXXXXXXX");
        if (exit != 0)
        {
            Assert.Fail($"mktemp could not create a folder for PostgreSQL in {parent} (exit {exit}): {output}");
        }

        return new PostgresFolder(bin, output);
    }

    /// <summary>Runs initdb with <paramref name="superuser"/> trusted, then replaces pg_hba.conf with <paramref name="hba"/>.</summary>
    public async Task InitializeAsync(string superuser, string hba)
    {
        var initdb = bin + "/initdb";
        var (exit, output) = await RunAsync(initdb, "-D", Data, "-U", superuser, "-A", "trust", "--locale=C", "-E", "UTF8", "--no-sync");
        if (exit != 0)
        {
            Assert.Fail($"{initdb} -D {Data} failed (exit {exit}):\n{output}");
        }

        // Rewriting the file keeps its owner, postgres, who reads it.
        await File.WriteAllTextAsync(Data + "/pg_hba.conf", hba + "\n");
    }

    /// <summary>Starts the server on a free 127.0.0.1 port (another, when one is taken meanwhile) and returns the port.</summary>
    public async Task<int> StartAsync()
    {
        var seconds = (60 * TestTimeLimits.Scale).ToString("0", CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackRegistry.FreePort();
            var options = $"-h 127.0.0.1 -p {port} -k {Path} -c fsync=off -c full_page_writes=off -c max_connections=200";
            var (exit, output) = await RunAsync(bin + "/pg_ctl", "-D", Data, "-l", Log, "-w", "-t", seconds, "-o", options, "start");
            if (exit == 0)
            {
                return port;
            }

            var log = File.Exists(Log) ? string.Join('\n', File.ReadLines(Log).TakeLast(20)) : "(no log)";
            if (attempt == StartAttempts || !log.Contains("could not bind", StringComparison.Ordinal))
            {
                Assert.Fail($"PostgreSQL did not start on 127.0.0.1:{port}: {bin}/pg_ctl exited with code {exit}: {output}\nThe end of its log:\n{log}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        watchdog.StandardInput.Close();
        using var limit = new CancellationTokenSource(TestTimeLimits.Stop);
        await watchdog.WaitForExitAsync(limit.Token);
        watchdog.Dispose();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static string[] Command(string program) => AsRoot ? ["runuser", "-u", "postgres", "--", program] : [program];

    /// <summary>Runs <paramref name="program"/> (as postgres when root) and returns its exit code and what it printed.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments)
    {
        var command = Command(program);
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var word in command.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(word);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TestTimeLimits.Step);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', start.ArgumentList)} did not end within {TestTimeLimits.Step.TotalSeconds:0} s.");
        }

        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
