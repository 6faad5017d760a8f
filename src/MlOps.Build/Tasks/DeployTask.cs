using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Deployment;
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
        VerifiedVersion.Named(context.Store, context.Pipeline.Name, version);
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

    // What replaces what, where, with which image; for Kubernetes also the manifests Deploy would converge on, written for GitOps.
    public override Task PlanAsync(BuildContext context)
    {
        var image = ImageRecord.Read(Path.Combine(context.ArtifactsFolder, ArtifactNames.Image));
        var (environment, version) = (context.EnvironmentName, context.Argument("version"));
        IEnumerable<string> lines = context.DeploymentEnvironment.Kind == EnvironmentKind.Kubernetes
            ? ClusterPlan.Write(context.Workspace, context.Store, environment, version, image)
            : [DeployPlan.Describe(context.Workspace, context.Store, environment, version, image)];
        foreach (var line in lines)
        {
            context.Log.Information(line);
        }

        return Task.CompletedTask;
    }
}
