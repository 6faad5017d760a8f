using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tracking;

/// <summary>One deployment attempt as the registry records it (table <c>deployments</c>, append-only).</summary>
public sealed record DeploymentRecord
{
    /// <summary>The registry's number for it: 1, 2, … across all models and environments.</summary>
    public long Id { get; init; }

    /// <summary>Its unique key, also the name of its folder under the store's <c>deployments/&lt;environment&gt;/</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Its folder: server log, pid file, audit log.</summary>
    public required string Folder { get; init; }

    /// <summary>The registered model.</summary>
    public required string Model { get; init; }

    /// <summary>The environment's name in the pipeline file.</summary>
    public required string Environment { get; init; }

    /// <summary>What kind of place it runs in.</summary>
    public required EnvironmentKind Kind { get; init; }

    /// <summary>Deploy or Rollback.</summary>
    public required DeploymentAction Action { get; init; }

    /// <summary>True when it took over the environment; false when it failed its checks and was stopped again.</summary>
    public required bool Serving { get; init; }

    /// <summary>The model version it serves.</summary>
    public required int Version { get; init; }

    /// <summary>The SHA-256 of the signed bundle it serves.</summary>
    public required string BundleSha256 { get; init; }

    /// <summary>The image id (<c>sha256:…</c>) for a container; null for a local process.</summary>
    public string? Image { get; init; }

    /// <summary>The image by registry digest (<c>registry/repository@sha256:…</c>) when it was pushed.</summary>
    public string? ImageDigest { get; init; }

    /// <summary>The server program's folder for a local process; null for a container.</summary>
    public string? Server { get; init; }

    /// <summary>Where it answers, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public required string Address { get; init; }

    /// <summary>The process id or container id it runs as; null when it never started.</summary>
    public string? RunsAs { get; init; }

    /// <summary>The deployment it replaced (or would have), when there was one.</summary>
    public long? Replaces { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTimeOffset Deployed { get; init; }

    /// <summary>Who deployed it.</summary>
    public required string DeployedBy { get; init; }

    /// <summary>Why it failed, when it did.</summary>
    public string? Message { get; init; }
}
