using System.Text.Json;
using System.Text.Json.Nodes;
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
        var document = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        document["validation"] = JsonSerializer.SerializeToNode(new
        {
            outcome.Passed,
            outcome.Metrics,
            Champion = outcome.Champion is { } champion
                ? new { champion.Version, champion.Rows, champion.Metrics, champion.CandidateMetrics, champion.NotCompared } : null,
            Checks = outcome.Checks.Select(c => new { c.Check, c.Value, c.Limit, c.Passed, c.Message, Location = c.Location?.ToString() }),
            Behaviour = outcome.Behaviour.Select(b => new { b.Name, b.Kind, b.Rows, b.Failures, b.FailureRate, b.MaxFailureRate, b.Passed, b.Examples }),
        }, ArtifactJson.Options);
        AtomicFile.WriteAllText(path, document.ToJsonString(ArtifactJson.Options));
        store.Runs.LogArtifact(runId, path, ArtifactNames.Metrics);
    }
}
