namespace MlOps.Tasks.Tracking;

/// <summary>Two runs side by side, like <c>dvc params diff</c> / <c>dvc metrics diff</c> or MLflow's compare view.</summary>
/// <param name="From">The older (baseline) run.</param>
/// <param name="To">The newer run.</param>
/// <param name="Params">Parameters whose values differ (a missing one is null).</param>
/// <param name="Metrics">Every metric either run has, with the change from <paramref name="From"/> to <paramref name="To"/>.</param>
public sealed record RunComparison(RunRecord From, RunRecord To, IReadOnlyList<ParamDifference> Params, IReadOnlyList<MetricDifference> Metrics)
{
    /// <summary>Compares <paramref name="from"/> with <paramref name="to"/>.</summary>
    public static RunComparison Of(RunRecord from, RunRecord to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var parameters = from.Params.Keys.Union(to.Params.Keys).Order(StringComparer.Ordinal)
            .Select(k => new ParamDifference(k, from.Params.GetValueOrDefault(k), to.Params.GetValueOrDefault(k)))
            .Where(d => d.From != d.To)
            .ToList();
        var metrics = from.Metrics.Keys.Union(to.Metrics.Keys).Order(StringComparer.Ordinal)
            .Select(k => new MetricDifference(k, Value(from.Metrics, k), Value(to.Metrics, k)))
            .ToList();
        return new RunComparison(from, to, parameters, metrics);
    }

    private static double? Value(IReadOnlyDictionary<string, double> metrics, string key) =>
        metrics.TryGetValue(key, out var value) ? value : null;
}
