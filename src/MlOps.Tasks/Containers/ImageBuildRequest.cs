using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Tasks.Containers;

/// <summary>What BuildImage works on: the pipeline's staging version, the serving publish; the image serves every environment.</summary>
public sealed record ImageBuildRequest
{
    /// <summary>The pipeline, its artifacts folder and the repository.</summary>
    public required PipelineWorkspace Workspace { get; init; }

    /// <summary>The tracking store and registry folder.</summary>
    public required string StoreFolder { get; init; }

    /// <summary>The self-contained linux-x64 publish of MlOps.Serving.</summary>
    public required string ServingFolder { get; init; }

    /// <summary>
    /// The version asked for (<c>--version</c>: v3, 3, latest or an alias), or null for staging; only staging's image is built,
    /// so another version is refused (see <see cref="ImageBuild.CheckVersion"/>).
    /// </summary>
    public string? Version { get; init; }

    /// <summary>Build again even when the fingerprint matches the recorded image.</summary>
    public bool Force { get; init; }

    /// <summary>How many held-out rows the smoke test scores.</summary>
    public int SmokeRowCount { get; init; } = SmokeRows.Count;
}
