namespace MlOps.Tasks.Pipeline;

/// <summary>The <c>data</c> section: what is tracked, the table the pipeline reads, and how to get it.</summary>
public sealed record DataSection : PipelineSection
{
    /// <summary>File or folder relative to the repository root; pinned by <c>&lt;path&gt;.dvc</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The training table (a CSV file), relative to the repository root; inside <see cref="Path"/>.</summary>
    public string? Table { get; init; }

    /// <summary>A batch of recent traffic, for drift monitoring; inside <see cref="Path"/>.</summary>
    public string? Current { get; init; }

    /// <summary>How the CSV files are written.</summary>
    public CsvSection Csv { get; init; } = new();

    /// <summary>Where the data comes from when <see cref="Path"/> is absent (a fresh clone).</summary>
    public SourceSection? Source { get; init; }
}
