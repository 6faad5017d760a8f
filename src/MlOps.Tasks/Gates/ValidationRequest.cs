using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Gates;

/// <summary>What Validate is asked to check: the candidate in artifacts/&lt;pipeline&gt;/ against the pipeline's gates.</summary>
public sealed record ValidationRequest
{
    /// <summary>The pipeline whose candidate is validated.</summary>
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>The repository the pipeline's paths are relative to.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>artifacts/&lt;pipeline&gt;/: where the candidate bundle is and the results go.</summary>
    public required string ArtifactsFolder { get; init; }
}
