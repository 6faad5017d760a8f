using MlOps.Tasks.Containers;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>What Deploy and Rollback work on: an environment of the pipeline, the store, and what to run there.</summary>
public sealed record DeployRequest
{
    /// <summary>The pipeline, its artifacts folder and the repository.</summary>
    public required PipelineWorkspace Workspace { get; init; }

    /// <summary>The tracking store and registry: its database, and the local folder for keys, locks and servers.</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>The environment's name in the pipeline file.</summary>
    public required string Environment { get; init; }

    /// <summary>The environment's settings.</summary>
    public required EnvironmentSection Settings { get; init; }

    /// <summary>Starts and stops servers there.</summary>
    public required IDeploymentTarget Target { get; init; }

    /// <summary>
    /// The version to deploy instead of staging (<c>--version</c>: v3, 3, latest or an alias), or null for staging. Naming a version
    /// deploys it even when a Rollback left it, and clears that mark.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>For <c>local</c>: the framework-dependent server program's folder (installed into the store).</summary>
    public string? Serving { get; init; }

    /// <summary>For <c>docker</c>: the image BuildImage made or reused last (image.json); it must be of the version deployed.</summary>
    public ImageRecord? Image { get; init; }

    /// <summary>Who deploys.</summary>
    public string By { get; init; } = System.Environment.UserName;

    /// <summary>Start a new server even when the same one already serves.</summary>
    public bool Force { get; init; }

    /// <summary>Told what happens besides the outcome: each stray server stopped before the deployment (see <see cref="StrayServers"/>).</summary>
    public Action<string>? Say { get; init; }

    /// <summary>How long a new server may take to answer /health.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The port the environment answers on: its <c>port</c>, else 5080 for local and 8080 for docker.</summary>
    public int Port => Settings.Port ?? EnvironmentSection.DefaultPort(Settings.Kind);
}
