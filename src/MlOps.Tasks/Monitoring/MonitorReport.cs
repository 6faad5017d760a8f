namespace MlOps.Tasks.Monitoring;

/// <summary>Everything one Monitor run found, as drift.json holds it.</summary>
public sealed record MonitorReport
{
    /// <summary>The pipeline's model name.</summary>
    public required string Model { get; init; }

    /// <summary>The deployed version watched, or null when nothing is deployed.</summary>
    public int? Version { get; init; }

    /// <summary>The environment watched.</summary>
    public required string Environment { get; init; }

    /// <summary>When Monitor ran.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The pipeline file the thresholds came from.</summary>
    public required string Pipeline { get; init; }

    /// <summary>Data drift, column by column.</summary>
    public required DataDrift Data { get; init; }

    /// <summary>What breached a threshold, one line each; empty when all is well.</summary>
    public IReadOnlyList<string> Breaches { get; init; } = [];

    /// <summary>Further gauges for the textfile: concept drift and service objectives.</summary>
    public IReadOnlyList<MonitorGauge> Gauges { get; init; } = [];

    /// <summary>Whether anything breached a threshold (Monitor then exits 3).</summary>
    public bool Breached => Breaches.Count > 0;
}

/// <summary>One sample of a gauge in the Monitor textfile.</summary>
/// <param name="Name">The metric, e.g. <c>mlops_slo_breached</c>.</param>
/// <param name="Help">What it measures.</param>
/// <param name="Labels">Labels after <c>model</c>, already escaped, e.g. <c>objective="p99_latency_ms"</c>; may be empty.</param>
/// <param name="Value">Its value.</param>
public sealed record MonitorGauge(string Name, string Help, string Labels, double Value);
