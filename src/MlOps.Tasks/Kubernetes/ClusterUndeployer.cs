using MlOps.Tasks.Containers;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// Undeploy for a <c>kubernetes</c> environment, as <c>helm uninstall</c> does for a release: deletes the environment's HTTPRoute,
/// Services, HorizontalPodAutoscaler, PodDisruptionBudget and Deployments (every name any strategy gives them, so a strategy changed
/// since the deploy leaves nothing behind), then records the deployment as ended. Objects already gone are not an error.
/// </summary>
public static class ClusterUndeployer
{
    /// <summary>Deletes what serves the environment and records it as ended; with nothing deployed, asks nothing of the cluster.</summary>
    /// <exception cref="ContainerException">Another Deploy, Rollback or Undeploy to the environment runs.</exception>
    /// <exception cref="ClusterException">The API refused a delete; the deployment is not recorded as ended.</exception>
    public static async Task<UndeployOutcome> UndeployAsync(ClusterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var exclusive = EnvironmentLock.Take(request.Store, request.Environment);
        DeploymentRecord? current;
        using (var store = TrackingStore.Open(request.Store))
        {
            current = store.Deployments.CurrentDeployment(request.Workspace.Pipeline.Name, request.Environment);
        }

        if (current is null)
        {
            return UndeployOutcome.Nothing;
        }

        // Not cancelled once begun: a half-deleted environment is the one state to avoid.
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = await DeleteAsync(new ClusterApi(request.Cluster.Client, request.Placement.Namespace, CancellationToken.None), request.Placement)
            .ConfigureAwait(false);
        using var ends = TrackingStore.Open(request.Store);
        return new UndeployOutcome(current, ends.Deployments.RecordEnd(current.Id, request.By, UndeployOutcome.Reason), deleted);
    }

    /// <summary>
    /// Deletes the objects of <paramref name="placement"/>, traffic first, but those <paramref name="keep"/> names (<c>Kind name</c>); returns
    /// those that existed, as <c>Kind namespace/name</c>.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> DeleteAsync(ClusterApi api, ClusterPlacement placement, IReadOnlySet<string>? keep = null)
    {
        var name = placement.Name;
        string[] tracks = [ClusterObjects.Stable, ClusterObjects.Canary];
        var objects = new List<(string Kind, string Name, Func<string, Task<bool>> Delete)> { ("HTTPRoute", name, api.DeleteRouteAsync) };
        objects.AddRange(new[] { name, $"{name}-preview" }.Concat(tracks.Select(t => $"{name}-{t}"))
            .Select(service => ("Service", service, (Func<string, Task<bool>>)api.DeleteServiceAsync)));
        objects.Add(("HorizontalPodAutoscaler", name, api.DeleteAutoscalerAsync));
        objects.Add(("PodDisruptionBudget", name, api.DeleteDisruptionBudgetAsync));
        objects.AddRange(new[] { name }.Concat(ClusterObjects.Colours.Concat(tracks).Select(slot => $"{name}-{slot}"))
            .Select(deployment => ("Deployment", deployment, (Func<string, Task<bool>>)api.DeleteDeploymentAsync)));
        var deleted = new List<string>();
        foreach (var (kind, objectName, delete) in objects.Where(o => keep?.Contains($"{o.Kind} {o.Name}") != true))
        {
            if (await delete(objectName).ConfigureAwait(false))
            {
                deleted.Add($"{kind} {api.Namespace}/{objectName}");
            }
        }

        return deleted;
    }
}
