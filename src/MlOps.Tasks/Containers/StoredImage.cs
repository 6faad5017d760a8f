namespace MlOps.Tasks.Containers;

/// <summary>An image of the model in the Docker daemon, as Prune sees it.</summary>
/// <param name="Id">The image id (<c>sha256:…</c>).</param>
/// <param name="Tags">Its tags, e.g. <c>mlops/credit-scoring:v1-0123456789ab</c>.</param>
/// <param name="Version">Its label <c>mlops.model.version</c>, or null when it has none.</param>
/// <param name="BundleSha256">Its label <c>mlops.bundle.sha256</c>: the bundle inside, or null.</param>
/// <param name="Bytes">Its size.</param>
public sealed record StoredImage(string Id, IReadOnlyList<string> Tags, int? Version, string? BundleSha256, long Bytes);
