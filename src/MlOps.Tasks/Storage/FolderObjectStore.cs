namespace MlOps.Tasks.Storage;

/// <summary>
/// An <see cref="ObjectStore"/> in a folder (a local disk or a mounted share): each key is a file under the root, written to a
/// temporary file beside it and renamed, so a reader sees a whole file or none. The sha256 is computed from the content.
/// </summary>
public sealed class FolderObjectStore : ObjectStore
{
    /// <summary>A store whose objects are the files under <paramref name="root"/> (created on the first upload).</summary>
    public FolderObjectStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <inheritdoc/>
    public override string Display => Root;

    /// <inheritdoc/>
    public override string Describe(string key) => PathOf(key);

    /// <inheritdoc/>
    public override async Task<StoredObject?> HeadAsync(string key, CancellationToken cancellation)
    {
        var file = new FileInfo(PathOf(key));
        if (!file.Exists)
        {
            return null;
        }

        var digest = await FileDigest.OfAsync(file.FullName, cancellation).ConfigureAwait(false);
        return new StoredObject(key, digest.Size, digest.Sha256);
    }

    /// <inheritdoc/>
    /// <remarks>Without hashing the file, as <see cref="HeadAsync"/> must: asking whether a thousand objects exist reads nothing.</remarks>
    public override Task<bool> ExistsAsync(string key, CancellationToken cancellation) => Task.FromResult(File.Exists(PathOf(key)));

    /// <inheritdoc/>
    public override Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellation)
    {
        ObjectKey.CheckPrefix(prefix);
        // Only the folder that holds every key with this prefix is walked: "runs/ab" starts under runs/.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? Root : Path.Combine(Root, prefix[..slash]);
        if (!Directory.Exists(start))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        IReadOnlyList<string> keys = Directory.EnumerateFiles(start, "*", options)
            .Where(f => !IsPartial(f))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(keys);
    }

    private protected override async Task UploadAsync(string key, string localFile, FileDigest digest, CancellationToken cancellation)
    {
        var target = PathOf(key);
        var partial = ObjectKey.PartialBeside(target);
        try
        {
            await using (var from = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous))
            await using (var to = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
            {
                await from.CopyToAsync(to, cancellation).ConfigureAwait(false);
                to.Flush(flushToDisk: true);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private protected override async Task<string?> DownloadAsync(string key, string partialFile, CancellationToken cancellation)
    {
        var source = PathOf(key);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"{source} does not exist.", source);
        }

        await using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous);
        await using var to = new FileStream(partialFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous);
        await from.CopyToAsync(to, cancellation).ConfigureAwait(false);
        return null;
    }

    private static bool IsPartial(string file) =>
        Path.GetFileName(file).StartsWith('.') && file.EndsWith(ObjectKey.PartialSuffix, StringComparison.Ordinal);

    private string PathOf(string key) => Path.Combine(Root, ObjectKey.Check(key).Replace('/', Path.DirectorySeparatorChar));
}
