using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Kubernetes;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

/// <summary>What Deploy and Rollback share: the environment's target, the request, the report.</summary>
internal static class Deployments
{
    /// <summary>
    /// Runs Deploy or Rollback against the build's environment (<c>--environment</c>) with the build's cancellation, and
    /// Ctrl+C and SIGTERM deferred to it, so a build stopped mid-deploy stops the server it was starting.
    /// </summary>
    public static Task<DeployOutcome> DeployAsync(BuildContext context, ImageRecord? image, string? version) =>
        context.DeploymentEnvironment.Kind == EnvironmentKind.Kubernetes ? OnClusterAsync(context, ClusterDeployer.DeployAsync, image, version)
            : RunAsync(context, Deployer.DeployAsync, image, version);

    public static Task<DeployOutcome> RollbackAsync(BuildContext context) =>
        context.DeploymentEnvironment.Kind == EnvironmentKind.Kubernetes ? OnClusterAsync(context, ClusterDeployer.RollbackAsync)
            : RunAsync(context, Deployer.RollbackAsync);

    /// <summary>Undeploy of the build's environment, with the signals deferred so that a stop once begun finishes and is recorded.</summary>
    public static async Task<UndeployOutcome> UndeployAsync(BuildContext context)
    {
        using var deferred = context.DeferSignals();
        using (var store = TrackingStore.Open(context.Store))
        {
            // Without a deployment neither Docker nor a cluster is asked: learning there is nothing to undeploy needs neither.
            if (store.Deployments.CurrentDeployment(context.Pipeline.Name, context.EnvironmentName) is null)
            {
                return UndeployOutcome.Nothing;
            }
        }

        if (context.DeploymentEnvironment.Kind == EnvironmentKind.Kubernetes)
        {
            using var cluster = ClusterConnection.Open(context.DeploymentEnvironment.Kubernetes?.Context);
            return await ClusterUndeployer.UndeployAsync(new ClusterRequest
            {
                Workspace = context.Workspace, Store = context.Store, Environment = context.EnvironmentName, Cluster = cluster,
            }, context.Cancellation).ConfigureAwait(false);
        }

        using var connection = await TargetConnection.ConnectAsync(context.DeploymentEnvironment.Kind, context.Cancellation).ConfigureAwait(false);
        return await Deployer.UndeployAsync(Request(context, connection.Target), context.Cancellation).ConfigureAwait(false);
    }

    private static async Task<DeployOutcome> RunAsync(BuildContext context, Func<DeployRequest, CancellationToken, Task<DeployOutcome>> work, ImageRecord? image = null,
        string? version = null)
    {
        using var deferred = context.DeferSignals();
        using var connection = await TargetConnection.ConnectAsync(context.DeploymentEnvironment.Kind, context.Cancellation).ConfigureAwait(false);
        var outcome = await work(Request(context, connection.Target) with { Image = image, Version = version }, context.Cancellation).ConfigureAwait(false);
        if (outcome.Warning is { } warning)
        {
            context.Log.Warning(warning);
        }

        return outcome;
    }

    // A cluster's rollout says each step as it goes; Ctrl+C is deferred to it so it can leave the cluster in a stated state.
    private static async Task<DeployOutcome> OnClusterAsync(BuildContext context, Func<ClusterRequest, CancellationToken, Task<DeployOutcome>> work,
        ImageRecord? image = null, string? version = null)
    {
        using var deferred = context.DeferSignals();
        using var cluster = ClusterConnection.Open(context.DeploymentEnvironment.Kubernetes?.Context);
        var request = new ClusterRequest
        {
            Workspace = context.Workspace,
            Store = context.Store,
            Environment = context.EnvironmentName,
            Cluster = cluster,
            Version = version,
            Image = image,
            Force = context.Force,
            Say = line => context.Log.Information($"{context.EnvironmentName}: {line}"),
        };
        return await work(request, context.Cancellation).ConfigureAwait(false);
    }

    public static void Report(BuildContext context, DeployOutcome outcome)
    {
        var (deployment, replaced) = (outcome.Deployment, outcome.Replaced);
        var where = deployment.Kind == EnvironmentKind.Kubernetes ? $"Deployment {deployment.RunsAs}, image {deployment.ImageDigest?[7..19]}"
            : deployment.Image is { } image ? $"image {image[7..19]}" : $"pid {deployment.RunsAs}";
        var before = replaced is null ? "" : $"; v{replaced.Version} (deployment {replaced.Id}) stopped";
        context.Log.Information(string.Create(CultureInfo.InvariantCulture,
            $"{deployment.Action}: v{deployment.Version} serves {deployment.Address} in '{deployment.Environment}' ({where}, deployment {deployment.Id}){before}; ")
            + Production(context, outcome));
        if (outcome.Marked is { } marked)
        {
            context.Log.Information(string.Create(CultureInfo.InvariantCulture,
                $"{deployment.Action}: v{marked.Version} marked as rolled back from '{marked.Environment}'; Deploy will not deploy it again without --version={marked.Version}"));
        }

        if (outcome.Cleared is { } cleared && deployment.Action == DeploymentAction.Deploy)
        {
            context.Log.Information(string.Create(CultureInfo.InvariantCulture,
                $"Deploy: v{cleared.Version} named, so the mark of its rollback from '{cleared.Environment}' (deployment {cleared.DeploymentId}) is cleared"));
        }

        context.Note(string.Create(CultureInfo.InvariantCulture, $"v{deployment.Version} on {deployment.Address}"));
    }

    // Production moves only with the production environment; saying why it did not keeps a user from expecting it to.
    private static string Production(BuildContext context, DeployOutcome outcome) =>
        outcome.ProductionMoved ? string.Create(CultureInfo.InvariantCulture, $"{ModelAliases.Production} -> v{outcome.Deployment.Version}")
        : context.Pipeline.Environments.FirstOrDefault(e => e.Value.Production).Key is { } production
            ? $"{ModelAliases.Production} not moved: only deployments to '{production}' move it"
            : $"{ModelAliases.Production} not moved: no environment is marked 'production: true'";

    private static DeployRequest Request(BuildContext context, IDeploymentTarget target) => new()
    {
        Workspace = context.Workspace,
        Store = context.Store,
        Environment = context.EnvironmentName,
        Settings = context.DeploymentEnvironment,
        Target = target,
        Serving = ServerPrograms.Framework,
        Force = context.Force,
        Say = line => context.Log.Warning(line),
    };
}
