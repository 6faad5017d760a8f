using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Audit;

namespace MlOps.Build.Tasks;

[TaskName("VerifyAudit")]
[TaskDescription("Verify the prediction audit log's hash chain and report the first broken link.")]
[TaskArgument("log", "The audit log (default: that of the deployment serving --environment, else Serve's <store>/audit/predictions.jsonl).")]
internal sealed class VerifyAuditTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        var found = context.Argument("log") is { } log ? new DeploymentAuditLog(log, null) : Deployed(context);
        if (found.Description is { } description)
        {
            context.Log.Information(description);
        }

        var summary = new AuditLogCheck(context.RepositoryRoot).Verify(found.Log);
        context.Log.Information(summary.ToString());
        if (summary.Warning is { } warning)
        {
            context.Log.Warning(warning);
        }

        context.Note(found.Note(summary));
    }

    private static DeploymentAuditLog Deployed(BuildContext context)
    {
        var named = context.Options.Environment is not null;
        if (named)
        {
            // An environment the pipeline file does not define is a usage error naming the defined ones.
            _ = context.DeploymentEnvironment;
        }

        return DeploymentAuditLog.Find(context.Store, context.Pipeline.Name, context.EnvironmentName, named);
    }
}
