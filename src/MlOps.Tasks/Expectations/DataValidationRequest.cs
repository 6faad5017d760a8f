using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>What ValidateData checks: the pipeline's table, against its schema and expectations.</summary>
public sealed record DataValidationRequest
{
    /// <summary>The pipeline, its artifacts folder and the repository.</summary>
    public required PipelineWorkspace Workspace { get; init; }

    /// <summary>Validate again even when the table, the pipeline and the code are as when it last passed.</summary>
    public bool Force { get; init; }

    /// <summary>Rows read so far, reported as the table is read.</summary>
    public IProgress<long>? Progress { get; init; }
}
