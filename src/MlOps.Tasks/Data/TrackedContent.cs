namespace MlOps.Tasks.Data;

/// <summary>
/// What DVC records about a tracked file or directory: md5 (with <c>.dir</c> for a directory),
/// total size in bytes, and for a directory the number of files and its manifest.
/// </summary>
internal sealed record TrackedContent(string Md5, long Size, int? FileCount, DirectoryManifest? Manifest)
{
    /// <summary>Whether a tracked file has its owner's execute bit set (DVC's <c>isexec</c>).</summary>
    public bool IsExecutable { get; init; }
}
