using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Staging;

/// <summary>What BiasCheck gates: the candidate Validate checked, in a pipeline's artifacts folder.</summary>
public sealed record BiasCheckRequest
{
    /// <summary>The pipeline, its artifacts folder and the repository.</summary>
    public required PipelineWorkspace Workspace { get; init; }

    /// <summary>The tracking store and registry: its database, and the local folder for keys, locks and servers.</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>Check again even when the predictions, the pipeline and the code are as when the gate last passed.</summary>
    public bool Force { get; init; }

    /// <summary>Report exceeded limits without failing (<c>--report-only</c>).</summary>
    public bool ReportOnly { get; init; }

    /// <summary>Who moves the alias, for its history.</summary>
    public required string User { get; init; }
}
