namespace MlOps.Tasks.Deployment;

/// <summary>What Prune removed and kept.</summary>
/// <param name="Removed">Each thing removed, with the bytes it freed.</param>
/// <param name="Refused">Images the daemon would not remove, with its reason.</param>
/// <param name="ImagesSkipped">Why images were not looked at (Docker not reachable), or null.</param>
/// <param name="KeptVersions">The most recent versions, kept whole.</param>
public sealed record PruneOutcome(IReadOnlyList<PrunedItem> Removed, IReadOnlyList<string> Refused, string? ImagesSkipped, IReadOnlyList<int> KeptVersions)
{
    /// <summary>The bytes freed.</summary>
    public long Freed => Removed.Sum(r => r.Bytes);
}
