namespace MlOps.Tasks.Data;

/// <summary>
/// What DVC records about a tracked file or directory: md5 (with <c>.dir</c> for a directory),
/// total size in bytes, and for a directory the number of files and its manifest.
/// </summary>
public sealed record TrackedContent(string Md5, long Size, int? FileCount, DirectoryManifest? Manifest);
