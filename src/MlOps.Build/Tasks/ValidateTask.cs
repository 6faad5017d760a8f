using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
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
        using var store = TrackingStore.Open(context.Store);
        using var key = SigningKeys.Resolve(context.Store);
        var request = context.Workspace;
        var gated = new ModelValidation(store, key.PublicKey).Gate(request, context.Force);
        if (gated.Outcome is not { } outcome)
        {
            context.ReportUnchanged(gated.Summary);
            return;
        }

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

        context.Note(gated.Summary);
        if (gated.Refusal is { } refusal && !context.Options.ReportOnly)
        {
            throw new QualityGateException(refusal);
        }
    }
}
