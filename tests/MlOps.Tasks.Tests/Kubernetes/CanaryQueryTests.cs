using MlOps.Tasks.Kubernetes;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Kubernetes;

/// <summary>A canary analysis' PromQL queries, asked of a real Prometheus.</summary>
[Category("Slow")]
public sealed class CanaryQueryTests
{
    private static readonly ClusterRelease Canary = new("model", 7, new string('a', 64), "mlops/model:v7", "sha256:" + new string('b', 64));

    [Test]
    public async Task Should_Pass_Queries_In_Range_And_Name_The_One_Out_Of_It()
    {
        // Given
        using var prometheus = await PrometheusServer.StartAsync();
        var said = new List<string>();
        AnalysisSection Analysis(double max) => new()
        {
            Prometheus = prometheus.Url.ToString(),
            Queries = new Dictionary<string, QuerySection>
            {
                ["up"] = new() { Query = "up{job=\"self\"}", Min = 1 },
                ["version"] = new() { Query = "vector({{version}})", Max = max },
            },
        };

        // When
        var passed = await CanaryAnalysis.QueriesAsync(Analysis(max: 7), Canary, 1, said.Add, CancellationToken.None);
        var failed = await CanaryAnalysis.QueriesAsync(Analysis(max: 6), Canary, 2, said.Add, CancellationToken.None);

        // Then
        Assert.That(passed, Is.Null);
        Assert.That(failed, Is.EqualTo("query 'version' is 7, outside [-inf, 6]"));
        Assert.That(said, Does.Contain("analysis 1: query 'up' = 1").And.Contain("analysis 1: query 'version' = 7"));
    }

    [Test]
    public async Task Should_Say_Which_Prometheus_Did_Not_Answer()
    {
        // Given: nothing listens on the port
        var port = MlOps.Tasks.ServerProcesses.LoopbackPort.Free();
        var analysis = new AnalysisSection
        {
            Prometheus = $"http://127.0.0.1:{port}/",
            Queries = new Dictionary<string, QuerySection> { ["up"] = new() { Query = "up", Min = 1 } },
        };

        // When
        var failed = await Assert.ThrowsAsync<ClusterException>(() => CanaryAnalysis.QueriesAsync(analysis, Canary, 1, _ => { }, CancellationToken.None));

        // Then
        Assert.That(failed!.Message, Does.StartWith($"Prometheus at http://127.0.0.1:{port}/ could not answer 'up' ("));
    }
}
