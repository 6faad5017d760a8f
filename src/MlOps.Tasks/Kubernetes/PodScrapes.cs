using MlOps.Tasks.Monitoring.Health;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// One /metrics scrape of each ready pod of a slot, by pod name. Differences are taken pod by pod, so one pod's restart (its counters
/// back at 0) or another's traffic cannot hide in a sum; a pod measured at the start must still be ready at every later scrape.
/// </summary>
internal sealed record PodScrapes(string Slot, IReadOnlyDictionary<string, MetricsScrape> Pods)
{
    /// <summary>Reads every ready pod of <paramref name="slot"/> through the API server's pod proxy.</summary>
    /// <exception cref="ClusterException">No pod of the slot is ready.</exception>
    public static async Task<PodScrapes> ReadAsync(ClusterApi api, ClusterPlacement placement, string slot)
    {
        var pods = await api.PodsAsync(ClusterManifests.Selector(placement, slot)).ConfigureAwait(false);
        var ready = pods.Items.Where(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true).ToList();
        if (ready.Count == 0)
        {
            throw new ClusterException($"No {slot} pod of {api.Namespace}/{placement.Name} is ready to be measured.");
        }

        var scrapes = new Dictionary<string, MetricsScrape>(StringComparer.Ordinal);
        foreach (var pod in ready)
        {
            var text = await api.ProxyAsync(pod.Metadata.Name, placement.Port, "metrics").ConfigureAwait(false);
            scrapes[pod.Metadata.Name] = new MetricsScrape($"pod {api.Namespace}/{pod.Metadata.Name}", DateTimeOffset.UtcNow, PrometheusText.Parse(text));
        }

        return new PodScrapes(slot, scrapes);
    }

    /// <summary>The pods measured at the start that <paramref name="later"/> no longer has (not ready, or gone).</summary>
    public IReadOnlyList<string> Lost(PodScrapes later) => [.. Pods.Keys.Where(pod => !later.Pods.ContainsKey(pod)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The requests the pods answered between this scrape and <paramref name="later"/>: counts added up over the pods, and the p99 of
    /// the slowest pod that answered any.
    /// </summary>
    public ServiceHealth Since(PodScrapes later) => Combine([.. Pods.Where(p => later.Pods.ContainsKey(p.Key))
        .Select(p => ServiceHealth.Between(p.Value, later.Pods[p.Key]))]);

    /// <summary>The share of rows the pods predicted positive between this scrape and <paramref name="later"/>, or null when they scored none.</summary>
    public double? PositiveRate(PodScrapes later)
    {
        double positives = 0, rows = 0;
        foreach (var (pod, earlier) in Pods.Where(p => later.Pods.ContainsKey(p.Key)))
        {
            var (p1, n1) = (Rows(earlier, "1"), Rows(earlier, "0"));
            var (p2, n2) = (Rows(later.Pods[pod], "1"), Rows(later.Pods[pod], "0"));

            // Counters that went down were reset by a restart, and count from 0 again, as Prometheus's increase() takes them.
            var (added, addedNegative) = (p2 >= p1 ? p2 - p1 : p2, n2 >= n1 ? n2 - n1 : n2);
            positives += added;
            rows += added + addedNegative;
        }

        return rows == 0 ? null : positives / rows;
    }

    private static ServiceHealth Combine(IReadOnlyList<ServiceHealth> pods) => new()
    {
        Requests = pods.Sum(p => p.Requests),
        ServerErrors = pods.Sum(p => p.ServerErrors),
        Rejected = pods.Sum(p => p.Rejected),
        P50LatencyMs = pods.Where(p => p.HasTraffic).Max(p => p.P50LatencyMs),
        P99LatencyMs = pods.Where(p => p.HasTraffic).Max(p => p.P99LatencyMs),
        RequestRate = pods.Sum(p => p.RequestRate ?? 0),
        Window = pods.Max(p => p.Window),
    };

    private static double Rows(MetricsScrape scrape, string label) =>
        scrape.Samples.Where(s => s.Name == "mlops_predictions_total" && s.Label("class") == label).Sum(s => s.Value);
}
