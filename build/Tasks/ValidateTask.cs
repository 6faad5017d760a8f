using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Signing;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Validation;

namespace MlOps.Build.Tasks;

[TaskName("Validate")]
[TaskDescription("Gate the candidate: held-out metrics against the pipeline's bounds and the production version, behavioural tests; writes predictions.csv.")]
[IsDependentOn(typeof(TrainTask))]
internal sealed class ValidateTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        using var store = TrackingStore.Open(context.StoreFolder);
        using var key = SigningKeys.Resolve(context.StoreFolder);
        var validation = new ModelValidation(store, key.PublicKey);
        var request = new PipelineWorkspace { Pipeline = context.Pipeline, RepositoryRoot = context.RepositoryRoot, ArtifactsFolder = context.ArtifactsFolder };
        var metrics = Path.Combine(context.ArtifactsFolder, ArtifactNames.Metrics);
        var fingerprint = File.Exists(Path.Combine(context.ArtifactsFolder, ArtifactNames.Bundle)) ? validation.Fingerprint(request).Value : "";
        if (!context.Force && GateRecord.PassedBefore(metrics, Gates.Validation, fingerprint) is { } before
            && File.Exists(Path.Combine(context.ArtifactsFolder, ArtifactNames.Predictions)))
        {
            context.ReportUnchanged($"{before} (validated before)");
            return;
        }

        var outcome = validation.Run(request);
        context.Log.Information(FormattableString.Invariant($"Validate: {outcome.Model} v{outcome.Version} on {outcome.Behaviour.Count} behavioural tests ")
            + FormattableString.Invariant(
                $"and the held-out rows: auc {outcome.Metrics["auc"]:0.0000}, accuracy {outcome.Metrics["accuracy"]:0.0000}, log_loss {outcome.Metrics["log_loss"]:0.0000}"));
        if (outcome.Champion is { } champion)
        {
            context.Log.Information(champion.NotCompared is { } why ? $"  production v{champion.Version} not compared: {why}" : FormattableString.Invariant(
                $"  against production v{champion.Version} on {champion.RowsCompared}: ")
                + FormattableString.Invariant($"auc {champion.Metrics["auc"]:0.0000}, v{outcome.Version} {champion.CandidateMetrics["auc"]:0.0000}"));
        }

        foreach (var check in outcome.Checks)
        {
            context.Log.Write(Verbosity.Minimal, check.Passed ? LogLevel.Information : LogLevel.Error, $"  {(check.Passed ? "passed" : "FAILED")} {check.Message}");
        }

        var failed = outcome.Checks.Where(c => !c.Passed).ToList();
        var summary = $"v{outcome.Version}: {outcome.Checks.Count - failed.Count}/{outcome.Checks.Count} checks passed";
        GateRecord.Write(metrics, Gates.Validation, outcome.Passed, fingerprint, summary, store);
        context.Note(summary);
        if (failed.Count > 0 && !context.Options.ReportOnly)
        {
            throw new QualityGateException(failed.Count == 1 ? failed[0].Message
                : $"{failed.Count} of {outcome.Checks.Count} validation checks failed (listed above; details in {Path.GetRelativePath(context.RepositoryRoot, metrics)}).");
        }
    }
}
