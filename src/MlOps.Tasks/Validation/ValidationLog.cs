using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Validation;

/// <summary>Records a validation: metrics and predictions with the run, the results in metrics.json beside Train's.</summary>
internal static class ValidationLog
{
    public static void Write(TrackingStore store, string runId, string artifactsFolder, ValidationOutcome outcome)
    {
        store.Runs.LogMetrics(runId, outcome.Metrics.ToDictionary(m => "validation_" + m.Key, m => m.Value, StringComparer.Ordinal));
        store.Runs.LogMetric(runId, "validation_passed", outcome.Passed ? 1 : 0);
        store.Runs.LogArtifact(runId, outcome.PredictionsPath, ArtifactNames.Predictions);
        var path = Path.Combine(artifactsFolder, ArtifactNames.Metrics);
        MetricsFile.Update(path, metrics => metrics with { Validation = Verdict(outcome) });
        store.Runs.LogArtifact(runId, path, ArtifactNames.Metrics);
    }

    private static ValidationVerdict Verdict(ValidationOutcome outcome) => new()
    {
        Passed = outcome.Passed,
        Metrics = outcome.Metrics,
        Champion = outcome.Champion is { } c ? new ChampionComparison(c.Version, c.Rows, c.Metrics, c.CandidateMetrics, c.NotCompared) : null,
        Checks = [.. outcome.Checks.Select(c => new CheckResult(c.Check, c.Value, c.Limit, c.Passed, c.Message, c.Location?.ToString()))],
        Behaviour = [.. outcome.Behaviour.Select(b =>
            new BehaviourSummary(b.Name, b.Kind, b.Rows, b.Failures, b.FailureRate, b.MaxFailureRate, b.Passed, b.Examples))],
    };
}
