using MlOps.Tasks.Containers;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>What Prune chooses from: the model's records, and what is on disk and in the daemon.</summary>
public sealed record PruneInputs
{
    /// <summary>How many of the most recent versions keep everything (<c>--keep</c>).</summary>
    public required int Keep { get; init; }

    /// <summary>The model's registered versions.</summary>
    public required IReadOnlyList<int> Versions { get; init; }

    /// <summary>
    /// The bundles of the store's versions: only images holding one were built from this store (another repository's build of the same
    /// model on the same daemon is not Prune's to remove).
    /// </summary>
    public IReadOnlySet<string> Bundles { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every deployment of the model, to any environment, oldest first.</summary>
    public required IReadOnlyList<DeploymentRecord> Deployments { get; init; }

    /// <summary>The deployments Undeploy ended.</summary>
    public IReadOnlySet<long> Ended { get; init; } = new HashSet<long>();

    /// <summary>The folders of the model's servers whose Deploy or Rollback did not record an outcome (a killed build's, or one running now).</summary>
    public IReadOnlySet<string> Starting { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Deployment folders on disk.</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];

    /// <summary>Installed server programs on disk.</summary>
    public IReadOnlyList<string> Servers { get; init; } = [];

    /// <summary>The model's images in the daemon.</summary>
    public IReadOnlyList<StoredImage> Images { get; init; } = [];

    /// <summary>Folders and image ids never removed: used by a running process or another model, or what the next Deploy uses.</summary>
    public IReadOnlySet<string> Protected { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
