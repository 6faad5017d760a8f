using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Staging;

namespace MlOps.Build.Tasks;

[TaskName("BiasCheck")]
[TaskDescription("Gate the candidate on fairness (Fairlearn metric frames, AIF360 disparate impact) over schema.protected; both gates passed moves alias 'staging' to it.")]
[IsDependentOn(typeof(ValidateTask))]
internal sealed class BiasCheckTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        var outcome = StagingPromotion.Run(new BiasCheckRequest
        {
            Workspace = context.Workspace,
            Store = context.Store,
            Force = context.Force,
            ReportOnly = context.Options.ReportOnly,
            User = Environment.UserName,
        });
        if (outcome.Reused)
        {
            context.ReportUnchanged(outcome.Note);
            return;
        }

        foreach (var rates in outcome.Rates)
        {
            context.Log.Information(rates);
        }

        foreach (var violation in outcome.Violations)
        {
            context.Log.Error($"  FAILED {violation}");
        }

        context.Note(outcome.Note);
        if (outcome.Refusal is { } refusal)
        {
            throw new QualityGateException(refusal);
        }
    }
}
