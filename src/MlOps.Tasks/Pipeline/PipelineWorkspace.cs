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

    /// <summary>
    /// The workspace of the pipeline file <paramref name="requested"/> (relative to <paramref name="repositoryRoot"/>; null for
    /// <see cref="PipelineFile.Locate"/>'s default), read and checked, with its artifacts in <c>artifacts/&lt;name&gt;/</c> of the repository.
    /// </summary>
    /// <exception cref="UsageException">The file does not exist.</exception>
    /// <exception cref="InvalidFileException">The file is not a valid pipeline.</exception>
    public static PipelineWorkspace Open(string repositoryRoot, string? requested)
    {
        var root = Path.GetFullPath(repositoryRoot);
        var pipeline = PipelineFile.Load(root, PipelineFile.Locate(root, requested));
        return new() { Pipeline = pipeline, RepositoryRoot = root, ArtifactsFolder = Path.Combine(root, "artifacts", pipeline.Name) };
    }
}
