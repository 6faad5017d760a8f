using System.Globalization;
using System.Text.Json;
using MlOps.Tasks.Monitoring.Health;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// A canary step's analysis: the canary pods' /metrics, read through the API server at the start and after each interval, must keep
/// the error-rate and p99 limits over the requests they answered since the start, and predict the positive class about as often as
/// the stable pods over the same time; each Prometheus query's value must keep its range.
/// </summary>
internal static class CanaryAnalysis
{
    /// <summary>Null when every measurement passed, else why the canary failed.</summary>
    public static async Task<string?> RunAsync(ClusterApi api, ClusterPlacement placement, ClusterRelease canary, AnalysisSection analysis,
        ServiceLevelSection? slo, Action<string> say, CancellationToken cancellationToken)
    {
        var maxErrorRate = analysis.MaxErrorRate ?? slo?.MaxErrorRate;
        var maxP99 = analysis.P99LatencyMs ?? slo?.P99LatencyMs;
        var interval = TimeSpan.FromSeconds(analysis.Interval ?? 10);
        var start = await PodScrapes.ReadAsync(api, placement, ClusterObjects.Canary).ConfigureAwait(false);
        var stableStart = analysis.MaxPositiveRateDifference is null ? null : await PodScrapes.ReadAsync(api, placement, ClusterObjects.Stable).ConfigureAwait(false);
        for (var sample = 1; sample <= (analysis.Samples ?? 1); sample++)
        {
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            var now = await ReadAsync(api, placement, ClusterObjects.Canary).ConfigureAwait(false);
            if (now is null || start.Lost(now) is { Count: > 0 })
            {
                return $"canary pod {(now is null ? "s" : string.Join(", ", start.Lost(now)))} stopped being ready during the analysis";
            }

            var health = start.Since(now);
            say(Text($"analysis {sample} of {analysis.Samples ?? 1}: canary v{canary.VersionLabel} {health.Summary}"));
            if (Failure(health, maxErrorRate, maxP99, analysis.MinRequests ?? 1) is { } failure)
            {
                return failure;
            }

            if (stableStart is not null && analysis.MaxPositiveRateDifference is { } limit)
            {
                var stableNow = await PodScrapes.ReadAsync(api, placement, ClusterObjects.Stable).ConfigureAwait(false);
                var (canaryRate, stableRate) = (start.PositiveRate(now), stableStart.PositiveRate(stableNow));
                say(Text($"analysis {sample}: positive rate canary {Share(canaryRate)}, stable {Share(stableRate)}"));
                if (canaryRate is { } c && stableRate is { } s && Math.Abs(c - s) > limit)
                {
                    return Text($"the canary predicts the positive class for {c:P1} of rows, stable for {s:P1}: more than {limit:P1} apart");
                }
            }

            if (await QueriesAsync(analysis, canary, sample, say, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }
        }

        return null;
    }

    /// <summary>Asks Prometheus each of the analysis' queries; returns why one is out of its range, or null.</summary>
    internal static async Task<string?> QueriesAsync(AnalysisSection analysis, ClusterRelease canary, int sample, Action<string> say, CancellationToken cancellationToken)
    {
        foreach (var (name, query) in analysis.Queries)
        {
            var value = await QueryAsync(new Uri(analysis.Prometheus!), query.Query.Replace("{{version}}", canary.VersionLabel, StringComparison.Ordinal),
                cancellationToken).ConfigureAwait(false);
            say(Text($"analysis {sample}: query '{name}' = {value:0.####}"));
            if (double.IsNaN(value))
            {
                return $"query '{name}' returned no series; check it in Prometheus' expression browser";
            }

            if (value < query.Min || value > query.Max)
            {
                var range = $"[{query.Min?.ToString(CultureInfo.InvariantCulture) ?? "-inf"}, {query.Max?.ToString(CultureInfo.InvariantCulture) ?? "+inf"}]";
                return Text($"query '{name}' is {value:0.####}, outside {range}");
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="health"/> breaks a limit, or null.</summary>
    public static string? Failure(ServiceHealth health, double? maxErrorRate, double? maxP99LatencyMs, int minRequests)
    {
        ArgumentNullException.ThrowIfNull(health);
        if (health.Requests < minRequests)
        {
            return Text($"the canary answered {health.Requests} requests, fewer than the {minRequests} its analysis needs to judge it ")
                + "(min_requests; 0 promotes a canary nobody called)";
        }

        if (health.ErrorRate > maxErrorRate)
        {
            return Text($"error rate {health.ErrorRate:0.####} ({health.ServerErrors} of {health.Requests}) is above {maxErrorRate:0.####}");
        }

        return health.P99LatencyMs > maxP99LatencyMs ? Text($"p99 latency {health.P99LatencyMs:0.#} ms is above {maxP99LatencyMs:0.#} ms") : null;
    }

    private static string Share(double? rate) => rate is { } value ? Text($"{value:P1}") : "no rows";

    // The canary's pods now; none ready is the canary failing, not the cluster.
    private static async Task<PodScrapes?> ReadAsync(ClusterApi api, ClusterPlacement placement, string slot)
    {
        try
        {
            return await PodScrapes.ReadAsync(api, placement, slot).ConfigureAwait(false);
        }
        catch (ClusterException e) when (e.InnerException is null)
        {
            return null;
        }
    }

    private static async Task<double> QueryAsync(Uri prometheus, string query, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var address = new Uri(prometheus, "api/v1/query?query=" + Uri.EscapeDataString(query));
        try
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(address, cancellationToken).ConfigureAwait(false));
            var result = document.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 0 ? double.NaN
                : double.Parse(result[0].GetProperty("value")[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ClusterException($"Prometheus at {prometheus} could not answer '{query}' ({e.Message}); check kubernetes.steps' prometheus URL.", e);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
