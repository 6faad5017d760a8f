using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Containers;

/// <summary>What BuildImage works on: the pipeline's staging version or a named one, the serving publish; the image serves every environment.</summary>
public sealed record ImageBuildRequest
{
    /// <summary>The pipeline, its artifacts folder and the repository.</summary>
    public required PipelineWorkspace Workspace { get; init; }

    /// <summary>The tracking store and registry: its database, and the local folder for keys, locks and servers.</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>The self-contained linux-x64 publish of MlOps.Serving.</summary>
    public required string ServingFolder { get; init; }

    /// <summary>
    /// The version whose image is built (<c>--version</c>: v3, 3, latest or an alias), or null for staging's. Its bundle comes from the
    /// registry; its smoke test scores held-out rows only when the artifacts hold its predictions.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>Build again even when an image of the same fingerprint is recorded or in the daemon.</summary>
    public bool Force { get; init; }

    /// <summary>How many held-out rows the smoke test scores.</summary>
    public int SmokeRowCount { get; init; } = SmokeRows.Count;
}
