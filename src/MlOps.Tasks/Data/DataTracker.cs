using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Signing;

namespace MlOps.Tasks.Data;

/// <summary>What <c>dvc add</c> does: hash, store in the cache, write the .dvc pointer and the .gitignore line.</summary>
/// <param name="repositoryRoot">The repository.</param>
/// <param name="storeFolder">The tracking store, which is never tracked (default: <c>.mlops</c> in the repository).</param>
public sealed class DataTracker(string repositoryRoot, string? storeFolder = null)
{
    /// <summary>Tracks <paramref name="path"/> (relative to the repository root).</summary>
    /// <exception cref="UsageException">
    /// The path does not exist, is outside the repository, is or holds what must not be copied into the cache (the store,
    /// .git, .dvc, a private key, a link that loops or leads nowhere), or its pointer has keys a rewrite would lose.
    /// </exception>
    /// <param name="path">The file or folder, relative to the repository root.</param>
    /// <param name="rehash">Hash every file again instead of trusting remembered md5s (<c>--force</c>).</param>
    public TrackResult Track(string path, bool rehash = false)
    {
        var full = Path.GetFullPath(Path.Combine(repositoryRoot, path)).TrimEnd(Path.DirectorySeparatorChar);
        var relative = Path.GetRelativePath(repositoryRoot, full).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || relative == ".")
        {
            throw new UsageException($"'{path}' is not inside the repository {repositoryRoot}; track a file or folder below it.");
        }

        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new UsageException($"'{relative}' does not exist; pass --path=<file or folder> to track.");
        }

        new TrackablePath(repositoryRoot, storeFolder ?? Path.Combine(repositoryRoot, ".mlops"), Environment.GetEnvironmentVariable(SigningKeys.KeyFileVariable)).Check(full);

        var pointerFile = full + ".dvc";
        var previous = File.Exists(pointerFile) ? DataPointer.Read(pointerFile, relative + ".dvc") : null;
        if (previous?.UnknownKey is { } key)
        {
            throw new UsageException($"{relative}.dvc has '{key}', which this version cannot keep; remove it or use `dvc add`.");
        }

        var state = HashState.Open(repositoryRoot, forget: rehash);
        var content = ContentHash.Of(full, state: state);
        state.Save();
        var pointer = DataPointer.For(Path.GetFileName(full), content) with { Extras = previous?.Extras ?? [] };
        var text = pointer.Format();
        var cache = DataCache.Of(repositoryRoot);
        var unchanged = previous is not null && File.ReadAllText(pointerFile) == text && cache.Holds(content);
        if (!unchanged)
        {
            InitialiseDvc();
            cache.Store(full, content);
            AtomicFile.WriteAllText(pointerFile, text);
        }

        var ignored = GitIgnore.Add(Path.GetDirectoryName(full)!, "/" + Path.GetFileName(full));
        return new TrackResult(relative + ".dvc", pointer, previous, Changed: !unchanged || ignored);
    }

    // What `dvc init` creates, so that DVC itself works in this repository afterwards.
    private void InitialiseDvc()
    {
        var dvc = Path.Combine(repositoryRoot, ".dvc");
        if (!File.Exists(Path.Combine(dvc, "config")))
        {
            AtomicFile.WriteAllText(Path.Combine(dvc, "config"), "");
        }

        if (!File.Exists(Path.Combine(dvc, ".gitignore")))
        {
            AtomicFile.WriteAllText(Path.Combine(dvc, ".gitignore"), "/config.local\n/tmp\n/cache\n");
        }
    }
}
