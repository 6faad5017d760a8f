using MlOps.Tasks.Containers;

namespace MlOps.Tasks.Deployment;

/// <summary>What Prune removes.</summary>
/// <param name="Folders">Deployment folders of the model that no kept deployment is.</param>
/// <param name="Servers">Installed server programs that only removable deployments ran.</param>
/// <param name="Images">The model's images that no kept deployment runs and of no kept version.</param>
/// <param name="KeptVersions">The most recent versions, kept whole.</param>
public sealed record PrunePlan(IReadOnlyList<string> Folders, IReadOnlyList<string> Servers, IReadOnlyList<StoredImage> Images, IReadOnlyList<int> KeptVersions);
