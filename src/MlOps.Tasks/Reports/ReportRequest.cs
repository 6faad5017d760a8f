using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Reports;

/// <summary>What Report is asked to describe: the candidate in artifacts/&lt;pipeline&gt;/ and what the gates wrote beside it.</summary>
public sealed record ReportRequest
{
    /// <summary>The pipeline whose candidate is described.</summary>
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>The repository the pipeline's paths are relative to.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>artifacts/&lt;pipeline&gt;/: metrics.json, predictions.csv, fairness.json and the bundle; the card and report go here.</summary>
    public required string ArtifactsFolder { get; init; }
}
