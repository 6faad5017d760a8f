using MlOps.Build.Host;

namespace MlOps.Build.Tasks;

[TaskName("Rollback")]
[TaskDescription("Return --environment (default local) to the deployment before the current one, checked before it takes over; "
    + "moves alias production back in the production environment.")]
internal sealed class RollbackTask : BuildTask
{
    public override async Task RunAsync(BuildContext context) =>
        Deployments.Report(context, await Deployments.RollbackAsync(context));
}
