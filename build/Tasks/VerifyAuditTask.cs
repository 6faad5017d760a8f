using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Audit;

namespace MlOps.Build.Tasks;

[TaskName("VerifyAudit")]
[TaskDescription("Verify the prediction audit log's hash chain and report the first broken link.")]
[TaskArgument("log", "The audit log (default: <store>/audit/predictions.jsonl).")]
internal sealed class VerifyAuditTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        var log = context.Argument("log") ?? AuditLogCheck.DefaultLog(context.StoreFolder);
        var summary = new AuditLogCheck(context.RepositoryRoot).Verify(log);
        context.Log.Information(summary.ToString());
        if (summary.Warning is { } warning)
        {
            context.Log.Warning(warning);
        }

        context.Note(summary.Note);
    }
}
