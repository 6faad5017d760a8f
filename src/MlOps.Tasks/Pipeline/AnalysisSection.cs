namespace MlOps.Tasks.Pipeline;

/// <summary>
/// A canary step's <c>analysis</c>: the limits the canary's requests must keep, measured over <c>samples</c> scrapes
/// <c>interval</c> seconds apart. Its pods' /metrics are read through the Kubernetes API (no network path to the pods needed),
/// or Prometheus when <c>prometheus</c> is given. A limit left out falls back to <c>monitoring.slo</c>.
/// </summary>
public sealed record AnalysisSection : PipelineSection
{
    /// <summary>Highest share of the canary's requests answered with a server error (5xx).</summary>
    public double? MaxErrorRate { get; init; }

    /// <summary>Highest 99th-percentile latency of the canary's requests, in milliseconds.</summary>
    public double? P99LatencyMs { get; init; }

    /// <summary>
    /// Largest difference, in share of rows, between how often the canary and stable predict the positive class over the analysis
    /// (0.05: 30 % against 36 % fails): a model that serves without errors can still decide differently.
    /// </summary>
    public double? MaxPositiveRateDifference { get; init; }

    /// <summary>Fewest requests the canary must have answered for the analysis to judge it (1 when absent; 0 promotes a canary nobody called).</summary>
    public int? MinRequests { get; init; }

    /// <summary>How many measurements; every one must pass (1 when absent).</summary>
    public int? Samples { get; init; }

    /// <summary>Seconds between measurements (10 when absent).</summary>
    public int? Interval { get; init; }

    /// <summary>A Prometheus server's URL, e.g. <c>http://prometheus.monitoring:9090</c>, for the <c>queries</c>.</summary>
    public string? Prometheus { get; init; }

    /// <summary>PromQL queries by name, each with the limits its single value must keep; <c>{{version}}</c> stands for the canary's version.</summary>
    public IReadOnlyDictionary<string, QuerySection> Queries { get; init; } = new Dictionary<string, QuerySection>(StringComparer.Ordinal);
}
