using System.Text.Json.Nodes;
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
            var node = File.Exists(metricsPath) ? JsonNode.Parse(File.ReadAllText(metricsPath))?[gate] : null;
            return node?["passed"]?.GetValue<bool>() == true && node["fingerprint"]?.GetValue<string>() == fingerprint
                ? node["summary"]?.GetValue<string>() : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
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
        var document = JsonNode.Parse(File.ReadAllText(metricsPath)) as JsonObject ?? [];
        var node = document[gate] as JsonObject ?? [];
        node["passed"] = passed;
        node["fingerprint"] = fingerprint;
        node["summary"] = summary;
        document[gate] = node;
        AtomicFile.WriteAllText(metricsPath, document.ToJsonString(ArtifactJson.Options));
        if (document["run_id"]?.GetValue<string>() is { } runId)
        {
            store.Runs.LogArtifact(runId, metricsPath, ArtifactNames.Metrics);
        }
    }
}
