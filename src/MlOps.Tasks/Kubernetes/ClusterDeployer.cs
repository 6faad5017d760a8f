using System.Globalization;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// Deploy and Rollback for a <c>kubernetes</c> environment: the release is rolled out with the environment's strategy through the API
/// server, and recorded (moving alias <c>production</c>) only once it serves. A failed rollout is undone and recorded as failed. The
/// objects applied are also written to artifacts/&lt;pipeline&gt;/k8s/&lt;environment&gt;/.
/// </summary>
public static class ClusterDeployer
{
    /// <summary>Rolls out the staging version, or the one <see cref="ClusterRequest.Version"/> names, unless the same release already serves.</summary>
    /// <exception cref="UsageException">No image was built for the version, or the version does not exist.</exception>
    /// <exception cref="QualityGateException">Staging was rolled back from the environment, or a canary failed its analysis (and was undone).</exception>
    /// <exception cref="ClusterException">The API refused, or a rollout stalled or timed out (and was undone).</exception>
    public static async Task<DeployOutcome> DeployAsync(ClusterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var exclusive = Lock(request);
        var chosen = VerifiedVersion.Named(request.Store, request.Workspace.Pipeline.Name, request.Version);
        var release = Release(request, chosen.Version);
        DeploymentRecord? current;
        using (var store = TrackingStore.Open(request.Store))
        {
            Deployer.RefuseRolledBack(store, request.Environment, chosen.Version, named: request.Version is not null);
            current = store.Deployments.CurrentDeployment(chosen.Version.Model, request.Environment);
        }

        var placement = request.Placement;
        var api = new ClusterApi(request.Cluster.Client, placement.Namespace, cancellationToken);
        if (!request.Force && current is { Kind: EnvironmentKind.Kubernetes, RunsAs: { } name } && current.BundleSha256 == release.BundleSha256
            && current.ImageDigest == release.ImageDigest && await api.ReadDeploymentAsync(name).ConfigureAwait(false) is { } live
            && RolloutWait.IsDone(live, live.Spec.Replicas ?? placement.Replicas) && Rendered(placement, release, name) is { } rendered && rendered == Rendered(live))
        {
            return new DeployOutcome(current, null, Unchanged: true);
        }

        var outcome = await RollOutAsync(request, DeploymentAction.Deploy, release, current, api).ConfigureAwait(false);
        if (request.Version is null)
        {
            return outcome;
        }

        using var marks = TrackingStore.Open(request.Store);
        return outcome with { Cleared = marks.Deployments.ClearMark(release.Model, request.Environment, chosen.Version.Version) };
    }

    /// <summary>Rolls the environment back to the release the current deployment replaced, with the same strategy, and marks the version it left.</summary>
    /// <exception cref="UsageException">Nothing is deployed there, or nothing was before it.</exception>
    /// <exception cref="ClusterException">The API refused, or the rollout stalled or timed out.</exception>
    public static async Task<DeployOutcome> RollbackAsync(ClusterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var exclusive = Lock(request);
        var model = request.Workspace.Pipeline.Name;
        DeploymentRecord current;
        DeploymentRecord previous;
        using (var store = TrackingStore.Open(request.Store))
        {
            current = store.Deployments.CurrentDeployment(model, request.Environment)
                ?? throw new UsageException($"Nothing is deployed to '{request.Environment}'; run ./build.sh --target=Deploy --environment={request.Environment} first.");
            previous = (current.Replaces is { } replaced ? store.Deployments.FindDeployment(replaced) : null)
                ?? throw new UsageException($"v{current.Version} is the first deployment to '{request.Environment}'; there is nothing to roll back to.");
            if (previous.Kind != EnvironmentKind.Kubernetes || previous.Image is null || previous.ImageDigest is null)
            {
                throw new UsageException($"The deployment before ({previous.Id}, v{previous.Version}) ran as {previous.Kind.ToString().ToLowerInvariant()}, "
                    + $"but '{request.Environment}' is kubernetes now; deploy instead "
                    + $"(./build.sh --target=Deploy --environment={request.Environment} --version={previous.Version}).");
            }
        }

        // The version returned to must still verify, as for local and docker: a tampered bundle is refused before the cluster is touched.
        using (var store = TrackingStore.Open(request.Store))
        {
            VerifiedVersion.Of(request.Store, store.Registry.GetVersion(model, previous.Version.ToString(CultureInfo.InvariantCulture)));
        }

        var release = new ClusterRelease(model, previous.Version, previous.BundleSha256, previous.Image, previous.ImageDigest);
        var api = new ClusterApi(request.Cluster.Client, request.Placement.Namespace, cancellationToken);
        var outcome = await RollOutAsync(request, DeploymentAction.Rollback, release, current, api).ConfigureAwait(false);
        using var marks = TrackingStore.Open(request.Store);
        var marked = current.Version == previous.Version ? null
            : marks.Deployments.Mark(model, request.Environment, current.Version, outcome.Deployment.Id, request.By);
        return outcome with { Marked = marked, Cleared = marks.Deployments.ClearMark(model, request.Environment, previous.Version) };
    }

    /// <summary>The release of <paramref name="version"/>: its image by registry digest when BuildImage pushed it, else by tag.</summary>
    /// <exception cref="UsageException">BuildImage made no image for that version (or one of another bundle).</exception>
    public static ClusterRelease Release(ClusterRequest request, ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(version);
        if (request.Image is not { } image || image.Version != version.Version || image.BundleSha256 != version.BundleSha256)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"No image of v{version.Version} was built (artifacts/{request.Workspace.Pipeline.Name}/{ArtifactNames.Image} holds ")
                + (request.Image is { } other ? $"v{other.Version}" : "none") + $"); run ./build.sh --target=BuildImage first.");
        }

        return ClusterRelease.Of(version, image, request.Placement.Settings.ImageRepository);
    }

    private static async Task<DeployOutcome> RollOutAsync(ClusterRequest request, DeploymentAction action, ClusterRelease release, DeploymentRecord? current,
        ClusterApi api)
    {
        var placement = request.Placement;
        var serving = current is { Kind: EnvironmentKind.Kubernetes, Image: { } image, ImageDigest: { } digest }
            ? new ClusterRelease(current.Model, current.Version, current.BundleSha256, image, digest) : null;
        var rollouts = new ClusterRollouts(api, placement, release, serving, serving is null ? null : current!.RunsAs, request.Workspace.Pipeline.Monitoring.Slo,
            request.Say, api.CancellationToken);
        var folder = Path.Combine(request.Workspace.ArtifactsFolder, "k8s", request.Environment);
        var record = new DeploymentRecord
        {
            Key = Guid.CreateVersion7().ToString("N"),
            Folder = folder,
            Model = release.Model,
            Environment = request.Environment,
            Kind = EnvironmentKind.Kubernetes,
            Action = action,
            Serving = false,
            Version = release.Version ?? 0,
            BundleSha256 = release.BundleSha256,
            Image = release.Image,
            ImageDigest = release.ImageDigest,
            Address = $"{request.Cluster.Context}/{placement.Namespace}/service/{placement.Name}",
            Replaces = current?.Id,
            DeployedBy = request.By,
        };
        string runsAs;
        try
        {
            runsAs = placement.Settings.Strategy switch
            {
                RolloutStrategy.BlueGreen => await rollouts.BlueGreenAsync().ConfigureAwait(false),
                RolloutStrategy.Canary when action == DeploymentAction.Deploy => await rollouts.CanaryAsync(placement.Settings.Steps).ConfigureAwait(false),
                RolloutStrategy.Canary => await rollouts.CanaryAsync([]).ConfigureAwait(false),
                _ => await rollouts.RollingAsync().ConfigureAwait(false),
            };
        }
        catch (Exception e)
        {
            Record(request, record with { Message = e.Message });
            throw;
        }

        var colour = runsAs.EndsWith(ClusterObjects.Colours[1], StringComparison.Ordinal) ? ClusterObjects.Colours[1] : ClusterObjects.Colours[0];
        var objects = ClusterObjects.Serving(placement, release, colour);
        ManifestFiles.Write(folder, objects);
        var recorded = Record(request, record with { Serving = true, RunsAs = runsAs });

        // What another strategy left (the environment's strategy changed) goes once the new shape serves.
        var removed = await ClusterUndeployer.DeleteAsync(api.WithoutCancellation(), placement, Keep(placement, objects, colour)).ConfigureAwait(false);
        foreach (var leftover in removed)
        {
            request.Say($"removed {leftover}, left by another strategy");
        }

        return new DeployOutcome(recorded, current, Unchanged: false) { ProductionMoved = IsProduction(request) };
    }

    // The objects' hash the serving Deployment carries, as rendered now for the Deployment named, and as it is in the cluster.
    private static string? Rendered(ClusterPlacement placement, ClusterRelease release, string serving) =>
        Rendered(ClusterObjects.Serving(placement, release, ClusterObjects.Colours.FirstOrDefault(c => serving.EndsWith("-" + c, StringComparison.Ordinal))
            ?? ClusterObjects.Colours[0]).OfType<k8s.Models.V1Deployment>().SingleOrDefault(d => d.Metadata.Name == serving));

    private static string? Rendered(k8s.Models.V1Deployment? deployment) =>
        deployment?.Metadata.Annotations?.TryGetValue(ClusterLabels.ObjectsSha256, out var sha) == true ? sha : null;

    // Blue-green keeps both colours and the preview Service; a canary's Deployment is removed by the canary itself.
    private static HashSet<string> Keep(ClusterPlacement placement, IReadOnlyList<k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>> objects, string colour)
    {
        var keep = objects.Select(o => $"{o.Kind} {o.Metadata.Name}").ToHashSet(StringComparer.Ordinal);
        if (placement.Settings.Strategy == RolloutStrategy.BlueGreen)
        {
            keep.Add($"Deployment {ClusterObjects.DeploymentName(placement, ClusterObjects.Colours.Single(c => c != colour))}");
        }

        return keep;
    }

    private static IDisposable Lock(ClusterRequest request) => EnvironmentLock.Take(request.Store, request.Environment);

    private static DeploymentRecord Record(ClusterRequest request, DeploymentRecord record)
    {
        using var store = TrackingStore.Open(request.Store);
        return store.Deployments.RecordDeployment(record, IsProduction(request) ? ModelAliases.Production : null);
    }

    // Alias production follows the environment marked production only, as for local and docker.
    private static bool IsProduction(ClusterRequest request) => request.Workspace.Pipeline.Environments[request.Environment].Production;
}
