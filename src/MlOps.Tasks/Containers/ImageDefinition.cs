using System.Globalization;
using MlOps.Models.Bundles;

namespace MlOps.Tasks.Containers;

/// <summary>The Dockerfile, labels and tags of a model image: pure text, so it can be checked without a daemon.</summary>
internal static class ImageDefinition
{
    /// <summary>The uid and gid the server runs as: not root, and no user of the base.</summary>
    public const int User = 10001;

    public const string BundlePath = "/model/model.mlbundle";
    public const string PublicKeyPath = "/model/signing-key.pub.pem";

    /// <summary>
    /// The Dockerfile. The server binds all interfaces (MLOPS_BIND=0.0.0.0), so that a published port or a pod's address reaches it;
    /// Deploy and the smoke test run it on the host network and pass MLOPS_BIND=127.0.0.1. On the offline base, a HEALTHCHECK: its
    /// static busybox fetches /health; DOTNET_EnableDiagnostics=0 stops the runtime creating its diagnostics socket, so
    /// the container runs with a read-only root file system.
    /// </summary>
    public static string Dockerfile(ImageRequest request) => string.Create(CultureInfo.InvariantCulture, $$"""
        FROM {{request.BaseImage}}
        COPY app/ /app/
        COPY model/ /model/
        ENV MLOPS_BUNDLE={{BundlePath}} \
            MLOPS_PUBLIC_KEY={{PublicKeyPath}} \
            MLOPS_BIND=0.0.0.0 \
            MLOPS_PORT={{request.Port}} \
            DOTNET_EnableDiagnostics=0 \
            DOTNET_NOLOGO=1
        USER {{User}}:{{User}}
        WORKDIR /app
        {{HealthCheck(request)}}ENTRYPOINT ["/app/MlOps.Serving"]

        """);

    // Only the offline base is known to have the static busybox that probes /health; during a deployment's
    // swap the port is shared, so the probe asks the check port, which is this container's alone.
    private static string HealthCheck(ImageRequest request) =>
        !request.BaseImage.StartsWith(OfflineBaseImage.Repository + ":", StringComparison.Ordinal) ? "" : """
            HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
                CMD ["/bin/busybox", "sh", "-c", "wget -q -O /dev/null http://127.0.0.1:${MLOPS_CHECK_PORT:-$MLOPS_PORT}/health"]

            """;

    /// <summary>The label naming the model an image serves.</summary>
    public const string ModelLabel = "mlops.model.name";

    /// <summary>The label naming the sha256 of the bundle inside.</summary>
    public const string BundleLabel = "mlops.bundle.sha256";

    /// <summary>The label naming the image's fingerprint: bundle, serving publish and base (see <see cref="ImageBuild.Fingerprint"/>).</summary>
    public const string FingerprintLabel = "mlops.image.fingerprint";

    /// <summary>The OCI labels, the provenance links of the bundle and, when the request has one, the fingerprint.</summary>
    public static Dictionary<string, string> Labels(ImageRequest request, ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bundle);
        var labels = Provenance(request, bundle);
        if (request.Fingerprint is { } fingerprint)
        {
            labels[FingerprintLabel] = fingerprint;
        }

        return labels;
    }

    /// <summary>
    /// The labels an image built from <paramref name="bundleSha256"/> with <paramref name="fingerprint"/> has, as the daemon's
    /// <c>label</c> filter takes them (<c>name=value</c>): what makes an image in the daemon reusable without image.json.
    /// </summary>
    public static IReadOnlyList<string> ReuseFilter(string modelName, string bundleSha256, string fingerprint) =>
        [$"{ModelLabel}={modelName}", $"{BundleLabel}={bundleSha256}", $"{FingerprintLabel}={fingerprint}"];

    private static Dictionary<string, string> Provenance(ImageRequest request, ModelBundle bundle) => new()
    {
        ["org.opencontainers.image.created"] = request.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["org.opencontainers.image.revision"] = request.GitCommit,
        ["org.opencontainers.image.title"] = bundle.Provenance.ModelName,
        ["org.opencontainers.image.version"] = bundle.Provenance.ModelVersion,
        ["org.opencontainers.image.base.name"] = request.BaseImage,
        [ModelLabel] = bundle.Provenance.ModelName,
        ["mlops.model.version"] = bundle.Provenance.ModelVersion,
        [BundleLabel] = bundle.Sha256,
        ["mlops.data.md5"] = bundle.Provenance.DataMd5,
        ["mlops.run.id"] = bundle.Provenance.RunId,
    };

    /// <summary>
    /// The tag: <c>mlops/{model}:v{version}-{first 12 hex of the bundle's sha256}</c>. One image per version serves every environment, so
    /// no environment is named; the bundle's sha keeps two repositories' v1 of a model apart on a shared daemon, which a bare
    /// <c>:{version}</c> did not. No git tag: a rebuilt commit reuses the image, whose revision label names the commit that built it.
    /// </summary>
    public static IReadOnlyList<string> Tags(string modelName, string version, string bundleSha256)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentNullException.ThrowIfNull(bundleSha256);
        return [$"mlops/{modelName.ToLowerInvariant()}:v{version}-{bundleSha256[..Math.Min(12, bundleSha256.Length)]}"];
    }
}
