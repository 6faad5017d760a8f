namespace MlOps.Tasks.Profiling;

/// <summary>The baseline profile ValidateData writes and Monitor reads (artifacts/&lt;pipeline&gt;/profile.json).</summary>
public sealed record DataProfile(string File, long Rows, IReadOnlyList<ColumnProfile> Columns);
