namespace MlOps.Tasks.Tracking;

/// <summary>A file stored with a run, at <c>&lt;store&gt;/artifacts/&lt;run id&gt;/&lt;name&gt;</c>.</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Name">Its path relative to the run's artifact folder, with '/' separators.</param>
/// <param name="Path">Its full path on disk.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of its content.</param>
/// <param name="Logged">When it was stored (UTC).</param>
public sealed record ArtifactRecord(string RunId, string Name, string Path, long Size, string Sha256, DateTimeOffset Logged);
