using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NUnit.Framework;

namespace MlOps.Testing;

/// <summary>
/// Debian's docker-registry (distribution 2.8) as a child process on a free 127.0.0.1 port, with its own
/// config and storage in a temp folder, so that pushes reach nothing outside the machine. Disposing it
/// kills that process and deletes the folder. Without the program the calling test is ignored with
/// the reason, unless MLOPS_REQUIRE_DOCKER=1 (as in CI), which makes that a failure.
/// </summary>
public sealed class LoopbackRegistry : IAsyncDisposable
{
    public const string Program = "/usr/bin/docker-registry";

    private static readonly TimeSpan StartTimeout = TestTimeLimits.Step;

    private readonly Process process;
    private readonly TempDirectory folder;
    private readonly ConcurrentQueue<string> output = new();

    private LoopbackRegistry(int port)
    {
        Port = port;
        folder = new TempDirectory();
        var config = folder.Write("config.yml", $"""
            version: 0.1
            log:
              level: info
            storage:
              filesystem:
                rootdirectory: {folder["storage"]}
              delete:
                enabled: true
            http:
              addr: {Address}
            """);
        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);

        // REGISTRY_* variables override the config file, http.addr included.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("REGISTRY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>The registry as image references name it: <c>127.0.0.1:port</c>.</summary>
    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the registry has printed (its log goes to stderr).</summary>
    public string Output => string.Join('\n', output).Trim();

    /// <summary>A port on 127.0.0.1 that nothing listened on a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a registry and waits until <c>GET /v2/</c> answers 200.</summary>
    public static async Task<LoopbackRegistry> StartAsync()
    {
        if (!File.Exists(Program))
        {
            var reason = $"{Program} is absent; install Debian's docker-registry package for the registry tests.";
            if (Environment.GetEnvironmentVariable("MLOPS_REQUIRE_DOCKER") == "1")
            {
                Assert.Fail($"MLOPS_REQUIRE_DOCKER=1 but {reason}");
            }

            Assert.Ignore(reason);
        }

        var registry = new LoopbackRegistry(FreePort());
        try
        {
            await registry.WaitAnsweringAsync();
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
        folder.Dispose();
    }

    private async Task WaitAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var v2 = new Uri($"http://{Address}/v2/");
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < StartTimeout)
        {
            try
            {
                using var response = await http.GetAsync(v2);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        if (process.HasExited)
        {
            // Also waits until its output is read to the end.
            await process.WaitForExitAsync();
        }

        var state = process.HasExited ? $"exited with code {process.ExitCode}" : $"did not answer 200 within {StartTimeout.TotalSeconds:0} s";
        Assert.Fail($"{Program} on {Address} {state}; it printed:\n{Output}");
    }
}
