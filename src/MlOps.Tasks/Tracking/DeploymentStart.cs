using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// A server a Deploy or Rollback started, as the registry recorded it before it started (table <c>deployment_starts</c>):
/// enough to find and stop it when the build is killed before it records the outcome.
/// </summary>
public sealed record DeploymentStart
{
    /// <summary>The deployment's key (see <see cref="DeploymentRecord.Key"/>).</summary>
    public required string Key { get; init; }

    /// <summary>The registered model.</summary>
    public required string Model { get; init; }

    /// <summary>The environment's name in the pipeline file.</summary>
    public required string Environment { get; init; }

    /// <summary>What kind of place it runs in.</summary>
    public required EnvironmentKind Kind { get; init; }

    /// <summary>Deploy or Rollback.</summary>
    public required DeploymentAction Action { get; init; }

    /// <summary>The model version it serves.</summary>
    public required int Version { get; init; }

    /// <summary>Its deployment folder; a local server's command line names it.</summary>
    public required string Folder { get; init; }

    /// <summary>The machine that started it (<see cref="System.Environment.MachineName"/>).</summary>
    public required string Host { get; init; }

    /// <summary>Its process id once started (local), or its container's name (docker); null when the build was killed before it knew.</summary>
    public string? RunsAs { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>Its outcome as recorded in the deployment history; <see cref="DeploymentState.Starting"/> when none was.</summary>
    public DeploymentState State { get; init; }
}
