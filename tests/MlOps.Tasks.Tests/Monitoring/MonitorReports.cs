using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Monitoring.Health;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Monitoring;

/// <summary>Monitor reports for the tests of what Monitor writes.</summary>
internal static class MonitorReports
{
    public static readonly DateTimeOffset Time = new(2026, 5, 4, 12, 30, 15, 250, TimeSpan.Zero);

    public static ColumnDrift Column(string name, bool drift = false, double score = 0.5, double psi = 0.02, string? skipped = null) => new()
    {
        Column = name,
        Type = ColumnType.Numeric,
        Method = DriftMethod.Ks,
        IsDefault = true,
        Score = score,
        Statistic = 0.25,
        Exact = true,
        Threshold = 0.05,
        Drift = drift,
        Psi = psi,
        ReferenceRows = 100,
        CurrentRows = 50,
        ReferenceMissing = 0,
        CurrentMissing = 0.02,
        CurrentInvalid = 1,
        Bins = skipped is null ? [new DriftBin("[0, 1)", 0.5, 0.25), new DriftBin("[1, 2]", 0.5, 0.75)] : [],
        Skipped = skipped,
    };

    public static DataDrift DataOf(params ColumnDrift[] columns) => new()
    {
        Reference = "data/table.csv",
        Current = "data/current.csv",
        ReferenceRows = 100,
        CurrentRows = 50,
        Columns = columns,
        NotInCurrent = ["default"],
        DriftShare = 0.5,
    };

    public static ConceptDrift Concept(string detector = "page_hinkley") => new()
    {
        Feedback = "feedback.csv",
        FeedbackRows = 10,
        Matched = 8,
        UnmatchedExamples = ["req-x"],
        Detector = detector,
        Detections = [(5, Time.AddMinutes(-5))],
        Windows =
        [
            new MetricWindow(Time.AddHours(-1), Time.AddMinutes(-1), 8, 3, new Dictionary<string, double>
            {
                ["auc"] = 0.75, ["accuracy"] = 0.625, ["log_loss"] = double.NaN,
            }),
        ],
        Breaches = [],
    };

    public static ServiceCheck Service() => new()
    {
        Address = "http://127.0.0.1:5080",
        Health = new ServiceHealth { Requests = 100, ServerErrors = 2, Rejected = 5, P50LatencyMs = 3, P99LatencyMs = 40, RequestRate = 0.5 },
        Objectives =
        [
            new ObjectiveResult("max_error_rate", 0.02, 0.01, ObjectiveStatus.Breached, "error rate 0.0200 is above 0.01", null),
            new ObjectiveResult("p99_latency_ms", 40, 100, ObjectiveStatus.Met, "p99 40 ms is within 100 ms", null),
        ],
    };

    public static MonitorReport Report(DataDrift data, ConceptDrift? concept = null, ServiceCheck? service = null, string model = "credit-scoring") => new()
    {
        Model = model,
        Version = 3,
        Environment = "local",
        Time = Time,
        Pipeline = "pipelines/credit-scoring.yaml",
        Data = data,
        Concept = concept,
        Service = service,
        Breaches = data.DatasetDrift ? ["dataset drift"] : [],
    };
}
