using MlOps.Tasks.Storage;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// Where a store keeps its runs' artifacts for every machine that uses it (MLflow's artifact root): an object store (a shared folder,
/// <c>s3://bucket/prefix</c>) under keys <c>&lt;run id&gt;/&lt;sha256&gt;/&lt;artifact name&gt;</c>, or nothing, when the store's folder on this machine is the
/// only copy. The local folder is then a cache: an artifact missing there is downloaded and checked against the SHA-256 the store recorded.
/// A key names its content, so an object never changes once stored: logging an artifact again (metrics.json after each gate), a kill
/// between upload and commit, or two machines logging at once, leave every recorded row naming the object it was written with.
/// The object store is opened on first use: reading the registry needs no S3 settings.
/// </summary>
internal sealed class ArtifactRoot(string? url) : IDisposable
{
    private ObjectStore? opened;

    /// <summary>The setting that records the root in <c>store_settings</c>.</summary>
    public const string Setting = "artifact_root";

    /// <summary>The root as recorded (a folder's full path or <c>s3://bucket/prefix</c>), or null when there is none.</summary>
    public string? Display => url;

    private ObjectStore? Remote => url is null ? null : opened ??= ObjectStore.Open(url);

    /// <summary>
    /// Uploads <paramref name="file"/> as the run's artifact <paramref name="name"/> (nothing without a root); returns once it is stored and checked:
    /// true when it was uploaded, false when the root had it already (or there is no root).
    /// </summary>
    public bool Upload(string runId, string name, string file, string sha256) =>
        Remote?.PutAsync(Key(runId, name, sha256), file, sha256, CancellationToken.None).GetAwaiter().GetResult() ?? false;

    /// <summary>
    /// Makes <paramref name="localFile"/> the run's artifact <paramref name="name"/> of <paramref name="size"/> bytes and SHA-256 <paramref name="sha256"/>:
    /// a file there with both is taken as it is (without a root, one of that size: this machine's copy is the only one); else it is downloaded and
    /// checked. False when it is missing and there is no root.
    /// </summary>
    /// <exception cref="InvalidDataException">The stored object's SHA-256 is not the one recorded.</exception>
    /// <exception cref="UsageException">The root has no such object.</exception>
    public bool Fetch(string runId, string name, string localFile, long size, string sha256)
    {
        var here = File.Exists(localFile) && new FileInfo(localFile).Length == size;
        if (Remote is not { } remote)
        {
            return here;
        }

        if (here && Data.ContentHash.Sha256OfFile(localFile) == sha256)
        {
            return true;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(localFile)!);
        try
        {
            remote.GetAsync(Key(runId, name, sha256), localFile, sha256, CancellationToken.None).GetAwaiter().GetResult();
            return true;
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"{remote.Describe(Key(runId, name, sha256))} is missing: run {runId} recorded artifact '{name}' ({size} bytes), " +
                "but the artifact store does not have it; train again (the run cannot be reused), or restore the object.");
        }
    }

    public void Dispose() => opened?.Dispose();

    private static string Key(string runId, string name, string sha256) => $"{runId}/{sha256}/{name}";
}
