namespace MlOps.Tasks.Pipeline;

/// <summary>The <c>data</c> section: the DVC-tracked file or directory the pipeline reads.</summary>
public sealed record DataSection : PipelineSection
{
    /// <summary>File or directory relative to the repository root; pinned by <c>&lt;path&gt;.dvc</c>.</summary>
    public required string Path { get; init; }
}
