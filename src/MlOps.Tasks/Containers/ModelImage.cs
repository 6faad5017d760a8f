namespace MlOps.Tasks.Containers;

/// <summary>A built model image.</summary>
/// <param name="Id">The image id (<c>sha256:…</c>).</param>
/// <param name="Tags">Its tags (<c>mlops/{model}:v{version}-{bundle sha256's first 12 hex}</c>).</param>
/// <param name="Labels">Its labels (OCI and mlops.*).</param>
/// <param name="Size">Its size in bytes, base included.</param>
public sealed record ModelImage(string Id, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Labels, long Size);
