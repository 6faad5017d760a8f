using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>
/// Prune's choice, without touching anything: a deployment is kept when it serves an environment (and was not undeployed), when a
/// Rollback there would return to it (the deployment the serving one replaced), or when its version is among the <c>--keep</c> most
/// recent. Its folder, server program and image are kept with it; the rest of the model's is removed. A folder the model's records
/// do not name (another pipeline's sharing the store) and an image of a bundle the store did not register (another repository's) are
/// never removed.
/// </summary>
public static class PruneSelection
{
    /// <summary>What to remove of <paramref name="inputs"/>.</summary>
    public static PrunePlan Choose(PruneInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var recent = inputs.Versions.OrderDescending().Take(Math.Max(0, inputs.Keep)).ToHashSet();
        var kept = Kept(inputs, recent);
        var keptPaths = kept.SelectMany(d => new[] { d.Folder, d.Server }).OfType<string>().Concat(inputs.Starting).Concat(inputs.Protected)
            .ToHashSet(StringComparer.Ordinal);
        var ours = inputs.Deployments.Select(d => d.Folder).Concat(inputs.Starting).ToHashSet(StringComparer.Ordinal);
        var oursServers = inputs.Deployments.Select(d => d.Server).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var keptImages = kept.SelectMany(d => new[] { d.Image, d.ImageDigest }).OfType<string>().Concat(inputs.Protected).ToHashSet(StringComparer.Ordinal);
        return new PrunePlan(
            [.. inputs.Folders.Where(f => ours.Contains(f) && !keptPaths.Contains(f))],
            [.. inputs.Servers.Where(s => oursServers.Contains(s) && !keptPaths.Contains(s))],
            [.. inputs.Images.Where(i => i.Version is { } v && !recent.Contains(v) && i.BundleSha256 is { } bundle && inputs.Bundles.Contains(bundle)
                && !keptImages.Contains(i.Id) && !i.Tags.Any(keptImages.Contains))],
            [.. recent.OrderDescending()]);
    }

    /// <summary>The deployments each environment serves (unless undeployed), those their Rollback returns to, and those of recent versions.</summary>
    public static IReadOnlyList<DeploymentRecord> Kept(PruneInputs inputs, IReadOnlySet<int> recent)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(recent);
        var byId = inputs.Deployments.ToDictionary(d => d.Id);
        var serving = inputs.Deployments.Where(d => d.Serving).GroupBy(d => d.Environment, StringComparer.Ordinal)
            .Select(g => g.MaxBy(d => d.Id)!).Where(d => !inputs.Ended.Contains(d.Id)).ToList();
        var returnable = serving.Select(d => d.Replaces is { } id ? byId.GetValueOrDefault(id) : null).OfType<DeploymentRecord>();
        return [.. serving.Concat(returnable).Concat(inputs.Deployments.Where(d => recent.Contains(d.Version))).DistinctBy(d => d.Id)];
    }
}
