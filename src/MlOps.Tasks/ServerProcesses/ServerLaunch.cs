using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Signing;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>How to start the scoring server: which program, which bundle and key, where it listens and logs.</summary>
public sealed record ServerLaunch
{
    /// <summary>The server program, MlOps.Serving.dll.</summary>
    public required string Program { get; init; }

    /// <summary>The signed bundle to serve.</summary>
    public required string Bundle { get; init; }

    /// <summary>The PEM public key the bundle must verify with.</summary>
    public required string PublicKey { get; init; }

    /// <summary>The loopback port.</summary>
    public required int Port { get; init; }

    /// <summary>The prediction audit log.</summary>
    public required string AuditLog { get; init; }

    /// <summary>
    /// The launch of <paramref name="program"/> serving <paramref name="version"/> from the store: the
    /// store's signing key's public half is written to <c>keys/</c> for the server to trust, and the
    /// audit log goes to <c>audit/predictions.jsonl</c>.
    /// </summary>
    public static ServerLaunch For(string storeFolder, ModelVersion version, int port, string program)
    {
        ArgumentNullException.ThrowIfNull(version);
        var publicKey = Path.Combine(storeFolder, "keys", ArtifactNames.PublicKey);
        using (var key = SigningKeys.Resolve(storeFolder))
        {
            AtomicFile.WriteAllText(publicKey, key.Key.PublicKey.ExportPem());
        }

        return new ServerLaunch
        {
            Program = program,
            Bundle = version.Source,
            PublicKey = publicKey,
            Port = port,
            AuditLog = Path.Combine(storeFolder, "audit", "predictions.jsonl"),
        };
    }
}
