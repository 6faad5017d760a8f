using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Sample;

namespace MlOps.Tasks.Data;

/// <summary>
/// Brings <c>data.path</c> into being on a fresh clone, like <c>dvc pull</c>: from the repository's
/// own DVC cache, a configured cache or remote folder, or (for the sample) the generator.
/// The data appears whole or not at all; CheckData then verifies it against its pointer.
/// </summary>
public sealed class DataRestore(string repositoryRoot)
{
    /// <summary>Restores the data if absent.</summary>
    /// <returns>Where it came from, or null when it was already there.</returns>
    /// <exception cref="DataMismatchException">No source can provide it, or the remote's copy is damaged.</exception>
    /// <exception cref="InvalidFileException">The pointer or <c>.dvc/config</c> is malformed, or the pointer's <c>path</c> is not the data beside it.</exception>
    public string? Restore(DataSection data) => RestoreAsync(data, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Restores the data if absent: from <c>.dvc/cache</c>, <c>data.source.cache</c>, then the DVC remote (<c>data.source.remote</c>, else
    /// <c>core.remote</c> of <c>.dvc/config</c>), whose objects are first fetched into <c>.dvc/cache</c>, then the sample generator.
    /// </summary>
    /// <returns>Where it came from, or null when it was already there.</returns>
    /// <exception cref="DataMismatchException">No source can provide it, or the remote's copy is damaged.</exception>
    /// <exception cref="InvalidFileException">The pointer or <c>.dvc/config</c> is malformed, or the pointer's <c>path</c> is not the data beside it.</exception>
    /// <exception cref="StoreUnavailableException">The remote cannot be reached.</exception>
    public async Task<string?> RestoreAsync(DataSection data, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(data);
        var target = Path.Combine(repositoryRoot, data.Path);
        if (File.Exists(target) || Directory.Exists(target))
        {
            return null;
        }

        var pointerFile = target + ".dvc";
        var pointer = File.Exists(pointerFile) ? DataPointer.Read(pointerFile, data.Path + ".dvc", dataPath: data.Path) : null;
        var tried = new List<string> { ".dvc/cache" };
        if (pointer is not null && TryCheckout(DataCache.Of(repositoryRoot), pointer, target))
        {
            return ".dvc/cache";
        }

        if (data.Source?.Cache is { } cache)
        {
            tried.Add(cache);
            if (pointer is not null && TryCheckout(new DataCache(Path.Combine(repositoryRoot, cache)), pointer, target))
            {
                return cache;
            }
        }

        var remote = pointer is null ? null : DataRemote.Resolve(repositoryRoot, data.Source?.Remote, pointer: pointer);
        if (remote is not null)
        {
            tried.Add(remote.Display);
            using var store = remote.Open();
            if (await DataFetch.FetchAsync(store, pointer!.Md5, repositoryRoot, cancellation).ConfigureAwait(false)
                && TryCheckout(DataCache.Of(repositoryRoot), pointer, target))
            {
                return remote.Display;
            }
        }

        if (data.Source?.Generator is { } generator)
        {
            Generate(data, generator, target);
            CacheIfPinned(pointer, target);
            return "the sample generator";
        }

        var holders = remote is null ? "cache" : "cache or remote";
        var why = pointer is null ? $"{data.Path}.dvc does not exist" : $"no {holders} holds md5 {pointer.Md5} (tried {string.Join(", ", tried)})";
        throw new DataMismatchException(
            $"{data.Path}: not found and cannot be restored: {why}. Copy the data there, or set data.source (cache, remote or generator) in the pipeline file.");
    }

    // Like `dvc checkout`, keep what the pointer pins in the cache: a later change can then be named file by file.
    private void CacheIfPinned(DataPointer? pointer, string target)
    {
        var content = pointer is null ? null : ContentHash.Of(target);
        if (content is not null && content.Md5 == pointer!.Md5)
        {
            DataCache.Of(repositoryRoot).Store(target, content);
        }
    }

    private static bool TryCheckout(DataCache cache, DataPointer pointer, string target)
    {
        var files = pointer.Md5.EndsWith(".dir", StringComparison.Ordinal)
            ? cache.ReadManifest(pointer.Md5)?.Select(e => (e.RelativePath, e.Md5)).ToList()
            : [(RelativePath: "", pointer.Md5)];
        if (files is null || files.Any(f => !File.Exists(cache.PathOf(f.Md5))))
        {
            return false;
        }

        Publish(target, staging =>
        {
            foreach (var (relative, md5) in files)
            {
                var destination = relative.Length == 0 ? staging : Path.GetFullPath(Path.Combine(staging, relative));
                if (!destination.StartsWith(Path.GetFullPath(staging), StringComparison.Ordinal))
                {
                    throw new DataMismatchException($"{cache.PathOf(pointer.Md5)}: the manifest names '{relative}', outside the data folder; the cache is damaged.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(cache.PathOf(md5), destination);
                // Cache objects are read-only; the working copy is the user's to edit.
                File.SetAttributes(destination, FileAttributes.Normal);
            }
        }, isFolder: pointer.Md5.EndsWith(".dir", StringComparison.Ordinal));
        return true;
    }

    private void Generate(DataSection data, GeneratorSection generator, string target)
    {
        Publish(target, staging =>
        {
            Write(data.Table, current: false);
            Write(data.Current, current: true);

            void Write(string? table, bool current)
            {
                if (table is null || (current && generator.CurrentRows == 0))
                {
                    return;
                }

                var relative = Path.GetRelativePath(Path.Combine(repositoryRoot, data.Path), Path.Combine(repositoryRoot, table));
                var file = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
                CreditApplications.Write(writer, generator, current);
            }
        }, isFolder: true);
    }

    // Builds the data beside its final place, then renames it there: a killed build leaves no half copy.
    private static void Publish(string target, Action<string> build, bool isFolder)
    {
        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (isFolder)
            {
                Directory.CreateDirectory(staging);
            }

            build(staging);
            if (isFolder)
            {
                Directory.Move(staging, target);
            }
            else
            {
                File.Move(staging, target);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            File.Delete(staging);
        }
    }
}
