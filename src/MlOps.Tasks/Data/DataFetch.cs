using MlOps.Tasks.Storage;

namespace MlOps.Tasks.Data;

/// <summary>
/// What <c>dvc fetch</c> does for one pointer: downloads from a remote the objects <c>.dvc/cache</c> lacks (for a directory its
/// manifest, then each file it names), checks each against the md5 it is stored under, and only when all are whole puts them
/// into the cache, files first and the manifest last; a damaged or missing object leaves the cache as it was.
/// </summary>
internal static class DataFetch
{
    /// <summary>Fetches what <paramref name="md5"/> (a file's, or a directory's with <c>.dir</c>) needs into the repository's cache.</summary>
    /// <returns>False when the remote lacks one of the objects.</returns>
    /// <exception cref="DataMismatchException">An object's content does not have the md5 it is stored under.</exception>
    public static async Task<bool> FetchAsync(ObjectStore store, string md5, string repositoryRoot, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        var cache = DataCache.Of(repositoryRoot);
        var staging = Path.Combine(repositoryRoot, ".dvc", "tmp", $"fetch-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var fetched = new List<(string Md5, string File)>();
            var files = new List<string> { md5 };
            if (md5.EndsWith(".dir", StringComparison.Ordinal))
            {
                var manifest = File.Exists(cache.PathOf(md5)) ? cache.PathOf(md5) : await DownloadAsync(store, md5, staging, cancellation).ConfigureAwait(false);
                if (manifest is null)
                {
                    return false;
                }

                var entries = DataCache.ReadManifestFile(manifest)
                    ?? throw new DataMismatchException($"{store.Describe(DataRemote.KeyOf(md5))}: not a DVC directory manifest; the remote object is damaged.");
                files = entries.Select(e => e.Md5).Distinct(StringComparer.Ordinal).ToList();
                fetched.Add((md5, manifest));
            }

            foreach (var file in files.Where(f => !File.Exists(cache.PathOf(f))))
            {
                if (await DownloadAsync(store, file, staging, cancellation).ConfigureAwait(false) is not { } downloaded)
                {
                    return false;
                }

                fetched.Add((file, downloaded));
            }

            // Files first, the manifest last, as dvc push stores them: a cache never holds a manifest whose files it lacks.
            foreach (var (objectMd5, file) in fetched.OrderBy(f => f.Md5.EndsWith(".dir", StringComparison.Ordinal)))
            {
                cache.StoreFile(file, objectMd5);
            }

            return true;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task<string?> DownloadAsync(ObjectStore store, string md5, string staging, CancellationToken cancellation)
    {
        var key = DataRemote.KeyOf(md5);
        var file = Path.Combine(staging, md5);
        try
        {
            // DVC records no sha256 with its objects, and one recorded by PushData says no more than the md5 the key is: that is checked.
            await store.GetUncheckedAsync(key, file, cancellation).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        var expected = md5.EndsWith(".dir", StringComparison.Ordinal) ? md5[..^4] : md5;
        var actual = ContentHash.Md5OfFile(file);
        if (actual != expected)
        {
            throw Damaged(store, key, $"md5 {actual} does not match the md5 it is stored under ({expected})");
        }

        return file;
    }

    private static DataMismatchException Damaged(ObjectStore store, string key, string why) => new(
        $"{store.Describe(key)}: {why}; the remote object is damaged and nothing was written to .dvc/cache. "
        + "Delete it from the remote and push it again from a clone that has the data.");
}
