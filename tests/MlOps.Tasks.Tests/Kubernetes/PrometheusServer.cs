using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MlOps.Tasks.ServerProcesses;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Kubernetes;

/// <summary>A real Prometheus (Debian's prometheus package) on a free loopback port, scraping itself every second, stopped by its pid.</summary>
internal sealed class PrometheusServer : IDisposable
{
    private const string Binary = "/usr/bin/prometheus";
    private readonly TempDirectory folder = new();
    private readonly Process process;

    private PrometheusServer(int port)
    {
        Url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        folder.Write("prometheus.yml", string.Create(CultureInfo.InvariantCulture, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: self
                static_configs:
                  - targets: ['127.0.0.1:{port}']

            """));
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.Path };
        foreach (var argument in new[] { "--config.file=prometheus.yml", $"--web.listen-address=127.0.0.1:{port}", "--storage.tsdb.path=data" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Url { get; }

    /// <summary>Starts Prometheus and waits until it has scraped itself once (<c>up{job="self"}</c> answers).</summary>
    public static async Task<PrometheusServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            if (Environment.GetEnvironmentVariable("MLOPS_REQUIRE_PROMTOOL") == "1")
            {
                Assert.Fail($"{Binary} is missing and MLOPS_REQUIRE_PROMTOOL=1; install Debian's prometheus package.");
            }

            Assert.Ignore("Prometheus is not installed (Debian's prometheus package; MLOPS_REQUIRE_PROMTOOL=1 makes this a failure).");
        }

        var server = new PrometheusServer(LoopbackPort.Free());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TestTimeLimits.ServerStart;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var answer = await http.GetStringAsync(new Uri(server.Url, "api/v1/query?query=" + Uri.EscapeDataString("up{job=\"self\"}")));
                using var document = JsonDocument.Parse(answer);
                if (document.RootElement.GetProperty("data").GetProperty("result").GetArrayLength() > 0)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        server.Dispose();
        throw new InvalidOperationException($"Prometheus did not scrape itself within {TestTimeLimits.ServerStart}.");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(TestTimeLimits.Stop);
        }

        process.Dispose();
        folder.Dispose();
    }
}
