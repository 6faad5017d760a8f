namespace MlOps.Tasks.Data;

/// <summary>One file of a tracked directory: path relative to it (with '/'), md5 and size.</summary>
internal sealed record ManifestEntry(string RelativePath, string Md5, long Size);
