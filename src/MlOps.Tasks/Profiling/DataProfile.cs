namespace MlOps.Tasks.Profiling;

/// <summary>The per-column profile ValidateData writes (artifacts/&lt;pipeline&gt;/profile.json), for people and other tools to read.</summary>
public sealed record DataProfile(string File, long Rows, IReadOnlyList<ColumnProfile> Columns);
