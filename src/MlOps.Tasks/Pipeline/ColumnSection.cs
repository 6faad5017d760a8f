namespace MlOps.Tasks.Pipeline;

/// <summary>One column of the schema.</summary>
public sealed record ColumnSection : PipelineSection
{
    /// <summary>The column's name (its header in the file).</summary>
    public required string Name { get; init; }

    /// <summary>What the values are.</summary>
    public required ColumnType Type { get; init; }
}
