using System.Globalization;

namespace MlOps.Tasks.Tracking;

/// <summary>Compare's view of two runs: which runs (by default the last two finished), their names, and the rows of its tables.</summary>
/// <param name="Comparison">The differences.</param>
/// <param name="FromName">The baseline as shown: its run id prefix, with its version when it registered one.</param>
/// <param name="ToName">The run compared, as shown.</param>
public sealed record ComparedRuns(RunComparison Comparison, string FromName, string ToName)
{
    /// <summary>Compares <paramref name="from"/> with <paramref name="to"/> (versions, aliases or run id prefixes; null for the defaults).</summary>
    /// <exception cref="UsageException">A reference names no run, or there are not two finished runs to compare.</exception>
    public static ComparedRuns Resolve(TrackingStore store, string model, string? from, string? to)
    {
        ArgumentNullException.ThrowIfNull(store);
        var finished = store.Runs.InExperiment(model).Where(r => r.Status == RunStatus.Finished).ToList();
        var newer = to is not null ? RunReference.Resolve(store, model, to)
            : finished.FirstOrDefault() ?? throw new UsageException($"'{model}' has no finished run yet; run ./build.sh --target=Train.");
        var older = from is not null ? RunReference.Resolve(store, model, from)
            : finished.FirstOrDefault(r => r.Start < newer.Start)
                ?? throw new UsageException($"'{model}' has no finished run before {newer.Id[..8]} to compare with; give --from=<version or run id>.");
        return new ComparedRuns(RunComparison.Of(older, newer), Name(store, model, older), Name(store, model, newer));
    }

    /// <summary>The rows of the parameters table (Param, From, To); a missing value is "-".</summary>
    public IReadOnlyList<string[]> ParamRows => [.. Comparison.Params.Select(p => new[] { p.Name, p.From ?? "-", p.To ?? "-" })];

    /// <summary>The rows of the metrics table (Metric, From, To, Change); a missing value is "-".</summary>
    public IReadOnlyList<string[]> MetricRows =>
        [.. Comparison.Metrics.Select(m => new[] { m.Name, Number(m.From, "0.0000"), Number(m.To, "0.0000"), Number(m.Change, "+0.0000;-0.0000;0") })];

    /// <summary>The note for the build summary: how many parameters differ, and the change of AUC.</summary>
    public string Note =>
        $"{Comparison.Params.Count} params differ" + (Comparison.Metrics.FirstOrDefault(m => m.Name == "auc")?.Change is { } change
            ? string.Create(CultureInfo.InvariantCulture, $", auc {change:+0.0000;-0.0000;0}") : "");

    private static string Name(TrackingStore store, string model, RunRecord run) =>
        store.Registry.Models().FirstOrDefault(m => m.Name == model)?.Versions.LastOrDefault(v => v.RunId == run.Id) is { } version
            ? $"{run.Id[..8]} (v{version.Version})" : run.Id[..8];

    private static string Number(double? value, string format) =>
        value is { } number ? number.ToString(format, CultureInfo.InvariantCulture) : "-";
}
