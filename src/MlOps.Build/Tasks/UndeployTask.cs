using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

[TaskName("Undeploy")]
[TaskDescription("Stop what serves --environment (default local): the process, the container, or the cluster's objects; "
    + "records it as ended, so Status says nothing is deployed and the next Deploy starts fresh. Moves no alias.")]
internal sealed class UndeployTask : BuildTask
{
    public override async Task RunAsync(BuildContext context)
    {
        var outcome = await Deployments.UndeployAsync(context);
        var environment = context.EnvironmentName;
        context.Log.Information($"Undeploy: {Deployer.Describe(outcome, environment)}");
        if (outcome.Warning is { } warning)
        {
            context.Log.Warning(warning);
        }

        if (outcome.Ended is not { } ended)
        {
            context.Note("nothing deployed");
            return;
        }

        // Validate compares candidates with production; what it names stays the last version production served.
        if (context.DeploymentEnvironment.Production)
        {
            context.Log.Information($"Undeploy: alias {ModelAliases.Production} still names v{ended.Version}: Undeploy moves no alias "
                + "(Validate keeps comparing candidates with it; move it with SetAlias)");
        }

        context.Note($"v{ended.Version} undeployed from '{environment}'");
    }
}
