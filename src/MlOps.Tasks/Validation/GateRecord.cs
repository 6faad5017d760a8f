using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Validation;

/// <summary>
/// A gate's verdict as remembered in metrics.json (its fingerprint, whether it passed, the one-line
/// summary), so that a gate whose inputs did not change is not run again.
/// </summary>
public static class GateRecord
{
    /// <summary>The summary of a passed run of <paramref name="gate"/> with this <paramref name="fingerprint"/>, or null.</summary>
    public static string? PassedBefore(string metricsPath, string gate, string fingerprint)
    {
        try
        {
            return MetricsFile.ReadIfExists(metricsPath) is { } metrics ? Verdict(metrics, gate)?.PassedOn(fingerprint) : null;
        }
        catch (InvalidFileException)
        {
            // An unreadable record only costs a re-run.
            return null;
        }
    }

    /// <summary>
    /// Records the verdict of <paramref name="gate"/> in metrics.json, keeping what else its node holds, and logs
    /// metrics.json to its run: a build that reuses the run (another clone, a CI runner) gets the verdicts back with it.
    /// </summary>
    public static void Write(string metricsPath, string gate, bool passed, string fingerprint, string summary, TrackingStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var verdict = new GateVerdict(passed, fingerprint, summary);
        var metrics = MetricsFile.Update(metricsPath, metrics => gate switch
        {
            Gates.Validation => metrics with
            {
                Validation = (metrics.Validation ?? new ValidationVerdict { Passed = passed }) with
                {
                    Passed = passed, Fingerprint = fingerprint, Summary = summary,
                },
            },
            Gates.Fairness => metrics with { Fairness = verdict },
            Gates.Report => metrics with { Report = verdict },
            _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, "not a gate of metrics.json"),
        });
        store.Runs.LogArtifact(metrics.RunId, metricsPath, ArtifactNames.Metrics);
    }

    private static GateVerdict? Verdict(MetricsFile metrics, string gate) => gate switch
    {
        Gates.Validation => metrics.Validation?.Verdict,
        Gates.Fairness => metrics.Fairness,
        Gates.Report => metrics.Report,
        _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, "not a gate of metrics.json"),
    };
}
