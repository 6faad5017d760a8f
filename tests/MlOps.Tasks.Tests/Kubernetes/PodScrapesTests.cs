using MlOps.Tasks.Kubernetes;
using MlOps.Tasks.Monitoring.Health;

namespace MlOps.Tasks.Tests.Kubernetes;

public sealed class PodScrapesTests
{
    [Test]
    public void Should_Take_Differences_Pod_By_Pod_So_A_Restart_Does_Not_Hide_Errors()
    {
        // Given: a and b served 1000 answers each; then a restarted and served 10, b served 100 more and 50 errors
        var start = Scrapes(0, ("a", 1000, 0), ("b", 1000, 0));
        var later = Scrapes(60, ("a", 10, 0), ("b", 1100, 50));

        // When
        var health = start.Since(later);

        // Then
        Assert.That((health.Requests, health.ServerErrors), Is.EqualTo((160L, 50L)));
        Assert.That(health.ErrorRate, Is.EqualTo(50.0 / 160).Within(1e-9));
    }

    [Test]
    public void Should_Name_A_Pod_That_Stopped_Being_Ready() =>
        Assert.That(Scrapes(0, ("a", 1, 0), ("b", 1, 0)).Lost(Scrapes(60, ("b", 2, 0))), Is.EqualTo(new[] { "a" }));

    private static PodScrapes Scrapes(int seconds, params (string Pod, int Answered, int Errors)[] pods) => new("canary", pods.ToDictionary(p => p.Pod, p =>
        MetricsScrape.Parse(p.Pod, $"mlops_requests_total{{status=\"200\"}} {p.Answered}\nmlops_requests_total{{status=\"500\"}} {p.Errors}\n",
            DateTimeOffset.UnixEpoch.AddSeconds(seconds)), StringComparer.Ordinal));
}
