using System.Globalization;
using System.Text.Json.Nodes;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Fairness;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Validation;

namespace MlOps.Build.Tasks;

[TaskName("BiasCheck")]
[TaskDescription("Gate the candidate on fairness (Fairlearn metric frames, AIF360 disparate impact) over schema.protected; both gates passed moves alias 'staging' to it.")]
[IsDependentOn(typeof(ValidateTask))]
internal sealed class BiasCheckTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        var pipeline = context.Pipeline;
        var predictions = Path.Combine(context.ArtifactsFolder, ArtifactNames.Predictions);
        if (!File.Exists(predictions))
        {
            throw new UsageException($"{Path.GetRelativePath(context.RepositoryRoot, predictions)} does not exist; run ./build.sh --target=Validate first.");
        }

        var metrics = Path.Combine(context.ArtifactsFolder, ArtifactNames.Metrics);
        var fingerprint = FairnessCheck.Fingerprint(pipeline, context.RepositoryRoot, Path.GetRelativePath(context.RepositoryRoot, predictions)).Value;
        if (!context.Force && GateRecord.PassedBefore(metrics, "fairness", fingerprint) is { } before)
        {
            // Train may have gone back to an earlier run (its inputs are as they were then): staging follows it.
            var (gated, passed, _) = Candidate(context);
            if (passed)
            {
                using var registry = TrackingStore.Open(context.StoreFolder);
                MoveStaging(registry, pipeline.Name, gated);
            }

            context.ReportUnchanged($"{before} (checked before)");
            return;
        }

        var output = Path.Combine(context.ArtifactsFolder, ArtifactNames.Fairness);
        var report = FairnessCheck.Run(pipeline, predictions, Path.GetRelativePath(context.RepositoryRoot, predictions), output);
        foreach (var frame in report.Attributes.Append(report.Intersection).OfType<MetricFrame>())
        {
            var rates = string.Join(", ", frame.Groups.Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Group} {g.SelectionRate:0.000} (n={g.Count}{(g.Small ? ", small" : "")})")));
            context.Log.Information($"BiasCheck: {frame.Name}: selection rate {rates}");
        }

        foreach (var violation in report.Violations)
        {
            context.Log.Error($"  FAILED {FairnessCheck.Describe(violation, pipeline.Fairness)}");
        }

        var (version, validated, runId) = Candidate(context);
        using var store = TrackingStore.Open(context.StoreFolder);
        store.Runs.LogArtifact(runId, output, ArtifactNames.Fairness);
        if (report.Passed && validated)
        {
            MoveStaging(store, pipeline.Name, version);

            GateRecord.Write(metrics, "fairness", passed: true, fingerprint, $"within limits; staging -> v{version}", store);
            context.Note($"within limits; staging -> v{version}");
            return;
        }

        GateRecord.Write(metrics, "fairness", passed: false, fingerprint, $"{report.Violations.Count} fairness limits exceeded", store);
        context.Note($"{report.Violations.Count} fairness limits exceeded");
        if (!report.Passed && !context.Options.ReportOnly)
        {
            throw new QualityGateException(report.Violations.Count == 1 ? FairnessCheck.Describe(report.Violations[0], pipeline.Fairness)
                : $"{report.Violations.Count} fairness limits exceeded (listed above; details in {Path.GetRelativePath(context.RepositoryRoot, output)}).");
        }
    }

    private static void MoveStaging(TrackingStore store, string model, int version)
    {
        if (store.Registry.ResolveVersion(model, "staging")?.Version != version)
        {
            store.Registry.SetAlias(model, "staging", version, Environment.UserName, "passed Validate and BiasCheck");
        }
    }

    // The version Validate checked, whether it passed (with --report-only it may not have) and its run.
    private static (int Version, bool Passed, string RunId) Candidate(BuildContext context)
    {
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(context.ArtifactsFolder, ArtifactNames.Metrics)))!;
        return (metrics["version"]!.GetValue<int>(), metrics["validation"]?["passed"]?.GetValue<bool>() == true, metrics["run_id"]!.GetValue<string>());
    }
}
