using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MlOps.Tasks.Monitoring.Health;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Tasks.Tests.Monitoring.Health;

public sealed class MetricsScrapeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public sealed class FetchAsync
    {
        [Test]
        public async Task Should_Read_The_Metrics_Of_A_Server_On_Loopback()
        {
            // Given
            await using var server = new LoopbackMetricsServer(ScrapedMetrics.First);

            // When
            var scrape = await MetricsScrape.FetchAsync(server.Address, "s3cret", Timeout, CancellationToken.None);

            // Then
            Assert.That(scrape.Source, Is.EqualTo(server.Address + "metrics"));
            Assert.That(server.LastRequest, Is.EqualTo(("/metrics", "Bearer s3cret")));
            Assert.That(ServiceHealth.Of(scrape).Requests, Is.EqualTo(38));
            Assert.That(scrape.Time, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        }

        [TestCase("http://10.0.0.1:5080", "'http://10.0.0.1:5080/' is not on this machine; Monitor reads /metrics only from 127.0.0.1 (127.0.0.0/8), [::1] or localhost.")]
        [TestCase("http://example.com/metrics", "'http://example.com/metrics' is not on this machine; " +
            "Monitor reads /metrics only from 127.0.0.1 (127.0.0.0/8), [::1] or localhost.")]
        [TestCase("http://0.0.0.0:5080", "'http://0.0.0.0:5080/' is not on this machine; Monitor reads /metrics only from 127.0.0.1 (127.0.0.0/8), [::1] or localhost.")]
        [TestCase("ftp://127.0.0.1/", "'ftp://127.0.0.1/' is not an http address; expected the scoring server's address, e.g. http://127.0.0.1:5080.")]
        public async Task Should_Refuse_An_Address_Off_This_Machine(string address, string message)
        {
            // When
            var error = await Assert.ThrowsAsync<UsageException>(() => MetricsScrape.FetchAsync(new Uri(address), Timeout, CancellationToken.None));

            // Then
            Assert.That(error!.Message, Is.EqualTo(message));
        }

        [Test]
        public async Task Should_Give_Up_On_A_Server_That_Never_Answers()
        {
            // Given: a socket that accepts connections and never answers
            using var silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            var port = ((IPEndPoint)silent.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
            var clock = Stopwatch.StartNew();

            // When
            var error = await Assert.ThrowsAsync<MetricsUnavailableException>(() =>
                MetricsScrape.FetchAsync(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromMilliseconds(300), CancellationToken.None));

            // Then
            Assert.That(error!.Message, Is.EqualTo($"http://127.0.0.1:{port}/metrics did not answer within 0.3 s; check that the scoring server runs there and is not stuck."));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        }

        [Test]
        public async Task Should_Name_The_Address_Nothing_Listens_On()
        {
            // Given
            var port = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture);

            // When
            var error = await Assert.ThrowsAsync<MetricsUnavailableException>(() =>
                MetricsScrape.FetchAsync(new Uri($"http://localhost:{port}/metrics"), Timeout, CancellationToken.None));

            // Then
            Assert.That(error!.Message, Is.EqualTo($"Could not read http://localhost:{port}/metrics: Connection refused. " +
                $"Check that the scoring server runs there (./build.sh --target=Serve)."));
        }

        [Test]
        public async Task Should_Say_The_Server_Wants_Its_Api_Key()
        {
            // Given
            await using var server = new LoopbackMetricsServer("", HttpStatusCode.Unauthorized);

            // When
            var error = await Assert.ThrowsAsync<MetricsUnavailableException>(() => MetricsScrape.FetchAsync(server.Address, Timeout, CancellationToken.None));

            // Then
            Assert.That(error!.Message, Is.EqualTo($"{server.Address}metrics answered 401 Unauthorized: the server wants its API key (MLOPS_API_KEY)."));
        }

        [Test]
        public async Task Should_Name_The_Malformed_Line_Of_An_Answer()
        {
            // Given
            await using var server = new LoopbackMetricsServer("# TYPE up gauge\nup{job=\"x\" 1\n");

            // When
            var error = await Assert.ThrowsAsync<MetricsUnavailableException>(() => MetricsScrape.FetchAsync(server.Address, Timeout, CancellationToken.None));

            // Then
            Assert.That(error!.Message, Is.EqualTo($"{server.Address}metrics did not answer in the Prometheus text format: " +
                $"Line 2: expected ',' or '}}' after the value of the label 'job', found '1' at column 12."));
        }
    }

    public sealed class MetricsAddress
    {
        [TestCase("http://127.0.0.2:5080", "http://127.0.0.2:5080/metrics")]
        [TestCase("http://[::1]:5080/", "http://[::1]:5080/metrics")]
        [TestCase("http://LOCALHOST:5080/metrics", "http://localhost:5080/metrics")]
        [TestCase("https://127.255.0.1/custom/metrics", "https://127.255.0.1/custom/metrics")]
        public void Should_Accept_Loopback_And_Default_To_The_Metrics_Path(string address, string metrics)
        {
            // When
            var uri = MetricsScrape.MetricsAddress(new Uri(address));

            // Then
            Assert.That(uri.ToString(), Is.EqualTo(metrics));
        }
    }
}
