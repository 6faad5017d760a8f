using MlOps.Tasks.Monitoring.Health;

namespace MlOps.Tasks.Tests.Monitoring.Health;

public sealed class ServiceHealthTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static MetricsScrape Scrape(string text, DateTimeOffset time) => MetricsScrape.Parse("test", text, time);

    public sealed class Of
    {
        [Test]
        public void Should_Count_Requests_Since_The_Server_Started()
        {
            // Given: the server's 38 requests, 76 s after its start
            var started = Noon.AddSeconds(-76).ToUnixTimeSeconds();
            var scrape = Scrape(ScrapedMetrics.First + $"process_start_time_seconds {started}\n", Noon);

            // When
            var health = ServiceHealth.Of(scrape);

            // Then: p50 rank 19 falls in (0.0025, 0.005] at 13 of 29; p99 rank 37.62 in (0.025, 0.05] at 0.62 of 1
            Assert.That((health.Requests, health.ServerErrors, health.Rejected), Is.EqualTo((38, 0, 8)));
            Assert.That(health.ErrorRate, Is.Zero);
            Assert.That(health.RejectedRate, Is.EqualTo(8.0 / 38).Within(1e-12));
            Assert.That(health.P50LatencyMs, Is.EqualTo(2.5 + (2.5 * 13 / 29)).Within(1e-9));
            Assert.That(health.P99LatencyMs, Is.EqualTo(25 + (25 * 0.62)).Within(1e-9));
            Assert.That(health.RequestRate, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(health.Window, Is.EqualTo(TimeSpan.FromSeconds(76)));
        }

        [Test]
        public void Should_Leave_The_Rate_Unmeasured_Without_The_Start_Time()
        {
            // Given: the real server writes no process metrics
            var scrape = Scrape(ScrapedMetrics.First, Noon);

            // When
            var health = ServiceHealth.Of(scrape);

            // Then
            Assert.That((health.RequestRate, health.Window), Is.EqualTo(((double?)null, (TimeSpan?)null)));
            Assert.That(health.Summary, Is.EqualTo("requests 38, server errors 0 (0.0000), rejected 8 (0.2105), p50 3.621 ms, p99 40.5 ms"));
        }

        [Test]
        public void Should_Report_No_Traffic_As_Unmeasured_Shares_And_Latency_And_A_Rate_Of_Zero()
        {
            // Given: a server that has answered nothing
            var scrape = Scrape("mlops_requests_total{status=\"200\"} 0\nmlops_request_duration_seconds_bucket{le=\"0.1\"} 0\n" +
                "mlops_request_duration_seconds_bucket{le=\"+Inf\"} 0\n", Noon);

            // When
            var health = ServiceHealth.Of(scrape);

            // Then
            Assert.That(new[] { health.ErrorRate, health.RejectedRate, health.P50LatencyMs, health.P99LatencyMs }, Is.All.Null);
            Assert.That(health.RequestRate, Is.Zero);
            Assert.That(health.Summary, Is.EqualTo("no traffic (0 requests)"));
        }

        [Test]
        public void Should_Refuse_Metrics_That_Are_Not_The_Scoring_Servers()
        {
            // Given
            var scrape = Scrape("up 1\n", Noon);

            // When
            var error = Assert.Throws<MetricsUnavailableException>(() => ServiceHealth.Of(scrape));

            // Then
            Assert.That(error!.Message, Is.EqualTo("test has no mlops_requests_total; is the scoring server (MlOps.Serving) the one listening there?"));
        }
    }

    public sealed class Between
    {
        [Test]
        public void Should_Measure_What_Was_Added_Between_Two_Scrapes()
        {
            // Given: 10 more scored and 1 more rejected, 20 s apart
            var earlier = Scrape(ScrapedMetrics.First, Noon);
            var later = Scrape(ScrapedMetrics.Second, Noon.AddSeconds(20));

            // When
            var health = ServiceHealth.Between(earlier, later);

            // Then: added buckets 1, 1, 11, …, 11; p50 rank 5.5 and p99 rank 10.89 both fall in (0.001, 0.0025]
            Assert.That((health.Requests, health.ServerErrors, health.Rejected), Is.EqualTo((11, 0, 1)));
            Assert.That(health.RejectedRate, Is.EqualTo(1.0 / 11).Within(1e-12));
            Assert.That(health.P50LatencyMs, Is.EqualTo(1 + (1.5 * 4.5 / 10)).Within(1e-9));
            Assert.That(health.P99LatencyMs, Is.EqualTo(1 + (1.5 * 9.89 / 10)).Within(1e-9));
            Assert.That(health.RequestRate, Is.EqualTo(0.55).Within(1e-12));
            Assert.That(health.Window, Is.EqualTo(TimeSpan.FromSeconds(20)));
        }

        [Test]
        public void Should_Count_From_Zero_A_Series_That_Went_Down_Or_Is_New()
        {
            // Given: the server restarted between the scrapes, and then failed once
            var earlier = Scrape("mlops_requests_total{status=\"200\"} 50\n", Noon);
            var later = Scrape("mlops_requests_total{status=\"200\"} 5\nmlops_requests_total{status=\"500\"} 1\n", Noon.AddSeconds(60));

            // When
            var health = ServiceHealth.Between(earlier, later);

            // Then
            Assert.That((health.Requests, health.ServerErrors), Is.EqualTo((6, 1)));
            Assert.That(health.ErrorRate, Is.EqualTo(1.0 / 6).Within(1e-12));
            Assert.That(health.RequestRate, Is.EqualTo(0.1).Within(1e-12));
            Assert.That(health.P99LatencyMs, Is.Null);
        }

        [Test]
        public void Should_Refuse_Scrapes_Out_Of_Order()
        {
            // Given
            var earlier = Scrape(ScrapedMetrics.First, Noon);
            var later = Scrape(ScrapedMetrics.Second, Noon);

            // When
            var error = Assert.Throws<ArgumentException>(() => ServiceHealth.Between(earlier, later));

            // Then
            Assert.That(error!.Message, Does.StartWith("The later scrape (2026-11-26T12:00:00.0000000+00:00) " +
                "must be read after the earlier one (2026-11-26T12:00:00.0000000+00:00)."));
        }
    }
}
