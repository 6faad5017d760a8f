namespace MlOps.Tasks.Pipeline;

/// <summary>A pipeline and where its files are: the repository its paths are relative to and artifacts/&lt;pipeline&gt;/.</summary>
public sealed record PipelineWorkspace
{
    /// <summary>The pipeline definition.</summary>
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>The repository the pipeline's paths are relative to.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>artifacts/&lt;pipeline&gt;/: the bundle, metrics.json, predictions and reports.</summary>
    public required string ArtifactsFolder { get; init; }
}
