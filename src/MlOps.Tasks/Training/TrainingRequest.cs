using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>What Train is asked to do.</summary>
public sealed record TrainingRequest
{
    /// <summary>The pipeline whose model is trained.</summary>
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>The repository the pipeline's paths are relative to.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>artifacts/&lt;pipeline&gt;/: where the bundle, its public key and metrics.json are written.</summary>
    public required string ArtifactsFolder { get; init; }

    /// <summary>Train even when a recorded run has the same fingerprint.</summary>
    public bool Force { get; init; }

    /// <summary>Who runs the build, recorded with the version.</summary>
    public string User { get; init; } = Environment.UserName;
}
