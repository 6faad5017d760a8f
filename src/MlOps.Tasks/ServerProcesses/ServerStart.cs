namespace MlOps.Tasks.ServerProcesses;

/// <summary>What a deployment starts: the bundle to serve, where it listens, and from which image or server program.</summary>
public sealed record ServerStart
{
    /// <summary>The deployment's key (see <see cref="Tracking.DeploymentRecord.Key"/>).</summary>
    public required string Key { get; init; }

    /// <summary>The deployment's folder: server log, pid file, audit log.</summary>
    public required string Folder { get; init; }

    /// <summary>The registered model.</summary>
    public required string Model { get; init; }

    /// <summary>The version served.</summary>
    public required int Version { get; init; }

    /// <summary>The signed bundle on this machine (a local process serves it from here).</summary>
    public required string Bundle { get; init; }

    /// <summary>The PEM public key the bundle must verify with.</summary>
    public required string PublicKey { get; init; }

    /// <summary>The port the environment answers on; the server shares it with the one it replaces until that one stops.</summary>
    public required int Port { get; init; }

    /// <summary>A loopback port only this server listens on, for the checks before it takes over.</summary>
    public required int CheckPort { get; init; }

    /// <summary>The image to run (docker).</summary>
    public string? Image { get; init; }

    /// <summary>The image by registry digest, pulled when the image is no longer in the daemon (docker).</summary>
    public string? ImageDigest { get; init; }

    /// <summary>The server program's folder, holding MlOps.Serving.dll (local).</summary>
    public string? Server { get; init; }

    /// <summary>Whether the audit log also keeps the raw inputs (<c>monitoring.log_inputs</c>), so that Monitor can read them.</summary>
    public bool LogInputs { get; init; }

    /// <summary>The prediction audit log's folder inside <see cref="Folder"/>.</summary>
    public string AuditFolder => Path.Combine(Folder, "audit");

    /// <summary>The active file of the prediction audit log of the deployment whose folder is <paramref name="folder"/>.</summary>
    public static string AuditLogOf(string folder) => Path.Combine(folder, "audit", "predictions.jsonl");
}
