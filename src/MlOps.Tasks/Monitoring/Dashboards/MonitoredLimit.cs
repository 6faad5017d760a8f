using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>
/// A limit the pipeline file sets on something Prometheus can watch: a service level objective or a lower
/// bound on a concept-drift window metric. The dashboard draws it as a threshold line; the rules alert on it.
/// </summary>
/// <param name="Key">Its key in the file, e.g. <c>monitoring.slo.p99_latency_ms</c>.</param>
/// <param name="Alert">The alert's name.</param>
/// <param name="Title">What is limited, in words.</param>
/// <param name="Query">The PromQL whose value is held to the limit.</param>
/// <param name="Limit">The limit in the query's unit (seconds for latency).</param>
/// <param name="IsMinimum">True when the value must stay at or above the limit.</param>
/// <param name="Written">The limit as the file writes it, e.g. <c>250 ms</c>.</param>
/// <param name="ValueFormat">The Prometheus template filter that prints the value, e.g. <c>humanizeDuration</c>.</param>
internal sealed record MonitoredLimit(string Key, string Alert, string Title, string Query, double Limit, bool IsMinimum, string Written, string ValueFormat)
{
    /// <summary>Where the limit is set: file:line:column when the file was read, else the file or "the pipeline file".</summary>
    public string Source { get; init; } = "";

    /// <summary>Every limit that is set, service level objectives first, window metrics by name.</summary>
    public static IReadOnlyList<MonitoredLimit> Of(PipelineDefinition pipeline, MonitoringQueries queries)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var slo = pipeline.Monitoring.Slo;
        var concept = pipeline.Monitoring.Concept;
        var limits = new List<MonitoredLimit>();
        void Add(double? limit, Func<double, MonitoredLimit> create, PipelineSection section, string key)
        {
            if (limit is { } value)
            {
                limits.Add(create(value) with { Source = MonitoringText.Where(pipeline, section, key) });
            }
        }

        Add(slo.P50LatencyMs, ms => Latency(queries, 0.5, "p50", ms), slo, "p50_latency_ms");
        Add(slo.P99LatencyMs, ms => Latency(queries, 0.99, "p99", ms), slo, "p99_latency_ms");
        Add(slo.MaxErrorRate, share => new MonitoredLimit("monitoring.slo.max_error_rate", "ModelErrorRateHigh", "Share of server errors (5xx)",
            queries.ErrorRate, share, false, Share(share), "humanizePercentage"), slo, "max_error_rate");
        Add(slo.MaxRejectedRate, share => new MonitoredLimit("monitoring.slo.max_rejected_rate", "ModelRejectedRateHigh", "Share of rejected requests (4xx)",
            queries.RejectedRate, share, false, Share(share), "humanizePercentage"), slo, "max_rejected_rate");
        Add(slo.MinRequestRate, rate => new MonitoredLimit("monitoring.slo.min_request_rate", "ModelRequestRateLow", "Request rate",
            queries.RequestRate, rate, true, $"{MonitoringQueries.Number(rate)} requests/s", "humanize"), slo, "min_request_rate");
        foreach (var (metric, minimum) in concept.Min.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Add(minimum, min => new MonitoredLimit($"monitoring.concept.min.{metric}", $"ModelWindow{Pascal(metric)}Low", $"Window {metric}",
                queries.WindowMetric(metric), min, true, MonitoringQueries.Number(min), "humanize"), concept, "min");
        }

        return limits;
    }

    private static MonitoredLimit Latency(MonitoringQueries queries, double quantile, string name, double milliseconds) =>
        new($"monitoring.slo.{name}_latency_ms", $"ModelLatency{name.ToUpperInvariant()}High", $"{name} latency", queries.Latency(quantile),
            milliseconds / 1000, false, $"{MonitoringQueries.Number(milliseconds)} ms", "humanizeDuration");

    private static string Share(double share) => $"{MonitoringQueries.Number(share)} ({MonitoringText.Percent(share)})";

    // Alert names must be valid metric names; metric names in the file are snake_case.
    private static string Pascal(string snake) => string.Concat(snake.Split('_', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => new string(word.Where(char.IsAsciiLetterOrDigit).ToArray()))
        .Where(word => word.Length > 0)
        .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
