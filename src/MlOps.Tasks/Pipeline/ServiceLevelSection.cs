namespace MlOps.Tasks.Pipeline;

/// <summary>The <c>monitoring.slo</c> section: what the deployed server's /metrics must show. Absent limits are not checked.</summary>
public sealed record ServiceLevelSection : PipelineSection
{
    /// <summary>Highest median latency of /invocations, in milliseconds.</summary>
    public double? P50LatencyMs { get; init; }

    /// <summary>Highest 99th-percentile latency of /invocations, in milliseconds.</summary>
    public double? P99LatencyMs { get; init; }

    /// <summary>Highest share of /invocations requests answered with a server error (5xx).</summary>
    public double? MaxErrorRate { get; init; }

    /// <summary>Highest share of /invocations requests refused as bad input (4xx).</summary>
    public double? MaxRejectedRate { get; init; }

    /// <summary>Lowest request rate (requests per second since the server started); catches a server nobody reaches.</summary>
    public double? MinRequestRate { get; init; }
}
