using MlOps.Tasks.Containers;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Kubernetes;

/// <summary>What Deploy, Rollback, Status and Undeploy work on for a <c>kubernetes</c> environment.</summary>
public sealed record ClusterRequest
{
    /// <summary>The pipeline, its artifacts folder and the repository.</summary>
    public required PipelineWorkspace Workspace { get; init; }

    /// <summary>The tracking store and registry: its database, and the local folder for keys, locks and servers.</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>The environment's name in the pipeline file.</summary>
    public required string Environment { get; init; }

    /// <summary>The cluster: its API client, context and the context's namespace (used when the file names none).</summary>
    public required ClusterConnection Cluster { get; init; }

    /// <summary>The version to deploy instead of staging (<c>--version</c>), or null for staging.</summary>
    public string? Version { get; init; }

    /// <summary>The image BuildImage made for the version.</summary>
    public ImageRecord? Image { get; init; }

    /// <summary>Who deploys.</summary>
    public string By { get; init; } = System.Environment.UserName;

    /// <summary>Roll out again even when the same release already serves.</summary>
    public bool Force { get; init; }

    /// <summary>Told each step of the rollout as it happens.</summary>
    public Action<string> Say { get; init; } = _ => { };

    /// <summary>The environment's placement: namespace, names, settings.</summary>
    public ClusterPlacement Placement => ClusterPlacement.Of(Workspace.Pipeline, Environment, Cluster.Namespace);
}
