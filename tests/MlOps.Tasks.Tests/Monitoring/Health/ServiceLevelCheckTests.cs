using MlOps.Tasks.Monitoring.Health;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Monitoring.Health;

public sealed class ServiceLevelCheckTests
{
    private const string AllObjectives = """
        name: x
        data:
          path: data
        monitoring:
          slo:
            p50_latency_ms: 5
            p99_latency_ms: 10
            max_error_rate: 0.01
            max_rejected_rate: 0.1
            min_request_rate: 1
        """;

    private static readonly ServiceHealth Busy = new()
    {
        Requests = 38, ServerErrors = 0, Rejected = 8, P50LatencyMs = 3.62069, P99LatencyMs = 40.5, RequestRate = 0.5,
    };

    private static ServiceLevelSection Slo(string yaml)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", yaml);
        return PipelineFile.Load(temp.Path, "pipelines/p.yaml").Monitoring.Slo;
    }

    [Test]
    public void Should_Tell_Met_From_Breached_And_Point_At_The_Limit()
    {
        // Given
        var slo = Slo(AllObjectives);

        // When
        var results = ServiceLevelCheck.Evaluate(Busy, slo);

        // Then
        Assert.That(results.Select(r => (r.Objective, r.Status)), Is.EqualTo(new[]
        {
            ("p50_latency_ms", ObjectiveStatus.Met), ("p99_latency_ms", ObjectiveStatus.Breached), ("max_error_rate", ObjectiveStatus.Met),
            ("max_rejected_rate", ObjectiveStatus.Breached), ("min_request_rate", ObjectiveStatus.Breached),
        }));
        Assert.That(results.Select(r => r.Message), Is.EqualTo(new[]
        {
            "p50 latency 3.621 ms meets the objective 5 ms",
            "p99 latency 40.5 ms is above the objective 10 ms (pipelines/p.yaml:7:21)",
            "error rate 0.0000 (0 of 38 requests) meets the objective 0.01",
            "rejected rate 0.2105 (8 of 38 requests) is above the objective 0.1 (pipelines/p.yaml:9:24)",
            "request rate 0.5 requests/s is below the objective 1 requests/s (pipelines/p.yaml:10:23)",
        }));
        Assert.That((results[1].Value, results[1].Limit, results[1].Location!.Line), Is.EqualTo(((double?)40.5, 10.0, 7L)));
    }

    [Test]
    public void Should_Not_Measure_Without_Traffic_But_Breach_The_Minimum_Rate()
    {
        // Given
        var idle = new ServiceHealth { Requests = 0, ServerErrors = 0, Rejected = 0, RequestRate = 0 };

        // When
        var results = ServiceLevelCheck.Evaluate(idle, Slo(AllObjectives));

        // Then
        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[]
        {
            ObjectiveStatus.NotMeasured, ObjectiveStatus.NotMeasured, ObjectiveStatus.NotMeasured, ObjectiveStatus.NotMeasured, ObjectiveStatus.Breached,
        }));
        Assert.That(results[0].Message, Is.EqualTo("p50 latency is not measured: no traffic"));
        Assert.That(results[4].Message, Is.EqualTo("request rate 0 requests/s is below the objective 1 requests/s (pipelines/p.yaml:10:23)"));
        Assert.That(results.Count(r => r.Breached), Is.EqualTo(1));
    }

    [Test]
    public void Should_Not_Measure_The_Rate_Of_One_Scrape_Without_The_Start_Time()
    {
        // Given
        var health = Busy with { RequestRate = null };

        // When
        var results = ServiceLevelCheck.Evaluate(health, Slo(AllObjectives));

        // Then
        Assert.That(results[4].Status, Is.EqualTo(ObjectiveStatus.NotMeasured));
        Assert.That(results[4].Message, Is.EqualTo("request rate is not measured: the server's start time is unknown (no process_start_time_seconds); compare two scrapes"));
    }

    [Test]
    public void Should_Check_Only_The_Limits_The_File_Sets()
    {
        // Given
        var slo = Slo("name: x\ndata:\n  path: data\nmonitoring:\n  slo:\n    max_error_rate: 0\n");

        // When
        var results = ServiceLevelCheck.Evaluate(Busy with { ServerErrors = 1 }, slo);

        // Then
        Assert.That(results.Select(r => r.Message), Is.EqualTo(new[] { "error rate 0.0263 (1 of 38 requests) is above the objective 0 (pipelines/p.yaml:6:21)" }));
    }
}
