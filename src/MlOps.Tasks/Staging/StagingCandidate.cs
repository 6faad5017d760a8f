using System.Text.Json.Nodes;

namespace MlOps.Tasks.Staging;

/// <summary>The version Validate checked, whether it passed (with --report-only it may not have), and its run; from metrics.json.</summary>
internal sealed record StagingCandidate(int Version, bool Validated, string RunId)
{
    public static StagingCandidate Read(string metricsPath)
    {
        var metrics = JsonNode.Parse(File.ReadAllText(metricsPath))!;
        return new StagingCandidate(
            metrics["version"]!.GetValue<int>(), metrics["validation"]?["passed"]?.GetValue<bool>() == true, metrics["run_id"]!.GetValue<string>());
    }
}
