using System.Globalization;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Kubernetes;

/// <summary>Status for a <c>kubernetes</c> environment: what the cluster says of the Deployment that serves, not what an address answers.</summary>
public static class ClusterStatus
{
    /// <summary>Asks the cluster of <paramref name="environment"/> about <paramref name="current"/>; an unreachable cluster is shown, not thrown.</summary>
    public static async Task<EnvironmentStatus> CheckAsync(PipelineDefinition pipeline, string environment, DeploymentRecord? current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (current is null)
        {
            return new EnvironmentStatus(environment, EnvironmentKind.Kubernetes, null, false, "nothing deployed");
        }

        try
        {
            using var cluster = ClusterConnection.Open(pipeline.Environments[environment].Kubernetes?.Context);
            var placement = ClusterPlacement.Of(pipeline, environment, cluster.Namespace);
            var api = new ClusterApi(cluster.Client, placement.Namespace, cancellationToken);
            if (current.RunsAs is not { } name || await api.ReadDeploymentAsync(name).ConfigureAwait(false) is not { } deployment)
            {
                return new EnvironmentStatus(environment, EnvironmentKind.Kubernetes, current, false, $"Deployment {current.RunsAs} not found in {placement.Namespace}");
            }

            var status = deployment.Status;
            var served = deployment.Spec.Template.Metadata.Labels.TryGetValue(ClusterLabels.Version, out var label) ? label : "?";
            var health = string.Create(CultureInfo.InvariantCulture, $"{status?.AvailableReplicas ?? 0} of {deployment.Spec.Replicas ?? 0} pods available")
                + (served == current.Version.ToString(CultureInfo.InvariantCulture) ? "" : $", but its pods are of v{served}");
            return new EnvironmentStatus(environment, EnvironmentKind.Kubernetes, current, RolloutWait.IsDone(deployment, deployment.Spec.Replicas ?? 0), health);
        }
        catch (Exception e) when (e is ClusterException or UsageException)
        {
            return new EnvironmentStatus(environment, EnvironmentKind.Kubernetes, current, null, "cluster not reachable: " + e.Message);
        }
    }
}
