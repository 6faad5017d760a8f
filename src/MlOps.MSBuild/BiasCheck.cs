using MlOps.Tasks;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Staging;

namespace MlOps.MSBuild;

/// <summary>
/// BiasCheck: gates the candidate on fairness over <c>schema.protected</c>; when both gates passed, alias <c>staging</c> moves to it.
/// Each limit exceeded is an error at the pipeline file's <c>fairness</c> section.
/// </summary>
public sealed class BiasCheck : PipelineTask
{
    /// <inheritdoc />
    protected override void Run(PipelineWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var outcome = StagingPromotion.Run(new BiasCheckRequest
        {
            Workspace = workspace,
            Store = StoreOf(workspace),
            Force = Force,
            User = Environment.UserName,
        });
        if (outcome.Reused)
        {
            Say($"BiasCheck: unchanged, {outcome.Note}", important: true);
            return;
        }

        foreach (var rates in outcome.Rates)
        {
            Say(rates);
        }

        var errors = Errors(workspace);
        var fairness = workspace.Pipeline.Fairness.Location ?? new SourceLocation(workspace.Pipeline.File, 1, 1);
        foreach (var violation in outcome.Violations)
        {
            errors.Error(ErrorCodes.GateRefused, fairness, violation);
        }

        Say($"BiasCheck: {outcome.Note}", important: true);
        if (outcome.Refusal is { } refusal)
        {
            if (!Log.HasLoggedErrors)
            {
                throw new QualityGateException(refusal);
            }

            Say(refusal, important: true);
        }
    }
}
