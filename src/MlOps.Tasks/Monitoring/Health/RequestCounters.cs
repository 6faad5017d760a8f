namespace MlOps.Tasks.Monitoring.Health;

/// <summary>
/// What one /metrics scrape says about /invocations: requests by HTTP status, the latency histogram's
/// cumulative buckets, and when the server started (when it says so). Series that differ only in labels
/// other than <c>status</c> and <c>le</c> add up, as <c>sum by (status)</c> and <c>sum by (le)</c> would.
/// </summary>
internal sealed record RequestCounters(IReadOnlyDictionary<string, double> ByStatus, IReadOnlyDictionary<double, double> Buckets, double? StartTime)
{
    public const string Requests = "mlops_requests_total";
    public const string LatencyBuckets = "mlops_request_duration_seconds_bucket";
    public const string ProcessStart = "process_start_time_seconds";

    /// <summary>The counters of <paramref name="scrape"/>.</summary>
    /// <exception cref="MetricsUnavailableException">The scrape has no <c>mlops_requests_total</c>: not the scoring server.</exception>
    public static RequestCounters Of(MetricsScrape scrape)
    {
        var byStatus = new Dictionary<string, double>(StringComparer.Ordinal);
        var buckets = new Dictionary<double, double>();
        double? startTime = null;
        var sawRequests = false;
        foreach (var sample in scrape.Samples)
        {
            switch (sample.Name)
            {
                case Requests:
                    sawRequests = true;
                    Add(byStatus, sample.Label("status") ?? "", sample.Value);
                    break;

                // A bucket whose bound is not a number is skipped, as histogram_quantile skips it.
                case LatencyBuckets when sample.Label("le") is { } le && PrometheusText.Number(le) is { } bound:
                    Add(buckets, bound, sample.Value);
                    break;

                case ProcessStart:
                    startTime = sample.Value;
                    break;
            }
        }

        // The server always writes the counter, at 0 before the first request; without it this is another program.
        return sawRequests ? new RequestCounters(byStatus, buckets, startTime)
            : throw new MetricsUnavailableException($"{scrape.Source} has no {Requests}; is the scoring server (MlOps.Serving) the one listening there?");
    }

    /// <summary>
    /// The counts added since <paramref name="earlier"/>. A series that went down was reset by a restart, and
    /// counts from 0 again, as Prometheus's increase() takes it; one that is new started at 0.
    /// </summary>
    public RequestCounters Since(RequestCounters earlier) =>
        new(Difference(ByStatus, earlier.ByStatus), Difference(Buckets, earlier.Buckets), StartTime);

    private static void Add<TKey>(Dictionary<TKey, double> totals, TKey key, double value)
        where TKey : notnull =>
        totals[key] = totals.GetValueOrDefault(key) + value;

    private static Dictionary<TKey, double> Difference<TKey>(IReadOnlyDictionary<TKey, double> later, IReadOnlyDictionary<TKey, double> earlier)
        where TKey : notnull =>
        later.ToDictionary(p => p.Key, p => earlier.TryGetValue(p.Key, out var before) && before <= p.Value ? p.Value - before : p.Value);
}
