using MlOps.Models.Scoring;

namespace MlOps.Tasks.Containers;

/// <summary>What to build a model image from.</summary>
public sealed record ImageRequest
{
    /// <summary>A self-contained linux-x64 publish of MlOps.Serving (holds the MlOps.Serving executable).</summary>
    public required string ServingFolder { get; init; }

    /// <summary>The signed model bundle.</summary>
    public required string Bundle { get; init; }

    /// <summary>The PEM public key the bundle verifies with.</summary>
    public required string PublicKey { get; init; }

    /// <summary>The base image, e.g. the offline base's tag or mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled.</summary>
    public required string BaseImage { get; init; }

    /// <summary>The git commit the build runs at (label org.opencontainers.image.revision).</summary>
    public required string GitCommit { get; init; }

    /// <summary>When the image is built (label org.opencontainers.image.created).</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>
    /// What the image is made of (see <see cref="ImageBuild.Fingerprint"/>), as label <c>mlops.image.fingerprint</c>: BuildImage finds the image
    /// by it again without image.json. Null for no such label.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>The port the server listens on inside the image unless MLOPS_PORT is given at run time.</summary>
    public int Port { get; init; } = ServingDefaults.ContainerPort;
}
