namespace MlOps.Tasks.Deployment;

/// <summary>One thing Prune removed.</summary>
/// <param name="Kind"><c>deployment folder</c>, <c>server program</c> or <c>image</c>.</param>
/// <param name="Name">The folder's path, or the image's tag (its id when untagged).</param>
/// <param name="Bytes">The space it took.</param>
/// <param name="Kept">What of it was kept (a deployment folder's audit log), or null.</param>
public sealed record PrunedItem(string Kind, string Name, long Bytes, string? Kept = null);
