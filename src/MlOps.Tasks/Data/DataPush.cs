using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Storage;

namespace MlOps.Tasks.Data;

/// <summary>
/// What <c>dvc push</c> does for the pipeline's pointer: uploads from <c>.dvc/cache</c> to the DVC remote the objects it lacks, the files
/// first and a directory's manifest last, so a remote never names files it does not hold and <c>dvc pull</c> elsewhere finds the data.
/// </summary>
public sealed class DataPush(string repositoryRoot)
{
    // Uploads at once: enough to hide an object store's latency, few enough for a shared machine.
    private const int Parallelism = 4;

    /// <summary>Pushes what <c>&lt;data.path&gt;.dvc</c> pins.</summary>
    /// <param name="data">The pipeline's data section.</param>
    /// <param name="remoteName">A remote of <c>.dvc/config</c> (<c>--remote</c>); null: <c>data.source.remote</c>, else <c>core.remote</c>.</param>
    /// <param name="cancellation">Cancels the uploads (those done stay done).</param>
    /// <exception cref="UsageException">The data has no pointer, or no remote is configured or the one named is not.</exception>
    /// <exception cref="DataMismatchException">The cache lacks an object the pointer needs, or holds a damaged one.</exception>
    /// <exception cref="InvalidFileException">The pointer or <c>.dvc/config</c> is malformed.</exception>
    /// <exception cref="StoreUnavailableException">The remote cannot be reached.</exception>
    public async Task<PushResult> PushAsync(DataSection data, string? remoteName, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(data);
        var pointerName = data.Path + ".dvc";
        var pointerFile = Path.Combine(repositoryRoot, pointerName);
        if (!File.Exists(pointerFile))
        {
            throw new UsageException($"{pointerName} does not exist: nothing is pinned to push; run TrackData first.");
        }

        var pointer = DataPointer.Read(pointerFile, pointerName, dataPath: data.Path);
        var remote = DataRemote.Resolve(repositoryRoot, data.Source?.Remote, remoteName, pointer)
            ?? throw new UsageException("No DVC remote to push to: add a default one (`dvc remote add -d storage s3://bucket/path`), "
                + "set data.source.remote in the pipeline file, or pass --remote=<name>.");
        var objects = ObjectsOf(pointer, pointerName);
        using var store = remote.Open();
        var pushed = 0;
        long bytes = 0;
        var files = objects.Where(o => !o.EndsWith(".dir", StringComparison.Ordinal));
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation }, Upload)
            .ConfigureAwait(false);
        foreach (var manifest in objects.Where(o => o.EndsWith(".dir", StringComparison.Ordinal)))
        {
            await Upload(manifest, cancellation).ConfigureAwait(false);
        }

        return new PushResult(remote.Display, pushed, objects.Count, bytes);

        async ValueTask Upload(string md5, CancellationToken token)
        {
            var key = DataRemote.KeyOf(md5);
            if (await store.ExistsAsync(key, token).ConfigureAwait(false))
            {
                return;
            }

            var file = DataCache.Of(repositoryRoot).PathOf(md5);
            var digest = await FileDigest.OfAsync(file, token).ConfigureAwait(false);
            if (Convert.ToHexStringLower(digest.Md5) != (md5.EndsWith(".dir", StringComparison.Ordinal) ? md5[..^4] : md5))
            {
                throw new DataMismatchException($"{Path.GetRelativePath(repositoryRoot, file)}: md5 {Convert.ToHexStringLower(digest.Md5)} is not the md5 "
                    + $"it is stored under ({md5}); the cache object is damaged and was not pushed. Delete it, then run TrackData or PullData.");
            }

            await store.PutAsync(key, file, digest.Sha256, token).ConfigureAwait(false);
            Interlocked.Increment(ref pushed);
            Interlocked.Add(ref bytes, digest.Size);
        }
    }

    // Every object the pointer needs, files first and the manifest last; refused when the cache lacks one.
    private List<string> ObjectsOf(DataPointer pointer, string pointerName)
    {
        var cache = DataCache.Of(repositoryRoot);
        var isDirectory = pointer.Md5.EndsWith(".dir", StringComparison.Ordinal);
        var manifest = isDirectory ? cache.ReadManifest(pointer.Md5) : null;
        var objects = manifest?.Select(e => e.Md5).Distinct(StringComparer.Ordinal).Append(pointer.Md5).ToList() ?? [pointer.Md5];
        var missing = isDirectory && manifest is null ? [pointer.Md5] : objects.Where(o => !File.Exists(cache.PathOf(o))).ToList();
        if (missing.Count > 0)
        {
            var named = string.Join(", ", missing.Take(3)) + (missing.Count > 3 ? $" and {missing.Count - 3} more" : "");
            throw new DataMismatchException($"{pointerName}: .dvc/cache lacks {(missing.Count == 1 ? "the object" : $"{missing.Count} objects")} it pins "
                + $"(md5 {named}), so there is nothing to push for it; run TrackData or PullData first.");
        }

        return objects;
    }
}
