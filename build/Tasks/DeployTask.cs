using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Kubernetes;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Build.Tasks;

[TaskName("Deploy")]
[TaskDescription("Deploy the staging version to --environment (default local): the new server starts beside the old, "
    + "must pass its checks, then takes over; moves alias production in the environment marked production: true.")]
[TaskArgument("version", "The version to deploy instead of staging: v3, 3, latest or an alias; also one a Rollback left.")]
[IsDependentOn(typeof(BuildImageTask))]
internal sealed class DeployTask : BuildTask
{
    public override async Task RunAsync(BuildContext context)
    {
        // A bundle that fails its signature is refused before anything else, Docker included.
        var version = context.Argument("version");
        VerifiedVersion.Named(context.StoreFolder, context.Pipeline.Name, version);
        var image = ImageRecord.Read(Path.Combine(context.ArtifactsFolder, ArtifactNames.Image));
        var outcome = await Deployments.DeployAsync(context, image, version);
        var deployment = outcome.Deployment;
        if (outcome.Unchanged)
        {
            context.ReportUnchanged($"v{deployment.Version} already serves {deployment.Address}");
            return;
        }

        Deployments.Report(context, outcome);
    }

    // For Kubernetes, the manifests Deploy would converge on, written for GitOps without a cluster.
    public override Task PlanAsync(BuildContext context)
    {
        if (context.DeploymentEnvironment.Kind == EnvironmentKind.Kubernetes)
        {
            var image = ImageRecord.Read(Path.Combine(context.ArtifactsFolder, ArtifactNames.Image));
            foreach (var line in ClusterPlan.Write(context.Workspace, context.StoreFolder, context.EnvironmentName, context.Argument("version"), image))
            {
                context.Log.Information(line);
            }
        }

        return Task.CompletedTask;
    }
}
