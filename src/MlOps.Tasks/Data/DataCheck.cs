namespace MlOps.Tasks.Data;

/// <summary>Refuses data whose md5 differs from its .dvc pointer, before any task reads it.</summary>
public sealed class DataCheck(string repositoryRoot)
{
    /// <summary>The command that re-pins data after an intended change.</summary>
    public const string UpdateCommand = "./build.sh --target=TrackData";

    /// <summary>Checks <paramref name="path"/> against <c>&lt;path&gt;.dvc</c>.</summary>
    /// <param name="path">The tracked file or folder, relative to the repository root.</param>
    /// <param name="rehash">Hash every file again instead of trusting remembered md5s (<c>--force</c>).</param>
    /// <returns>The pointer that matched, or null when the path is not tracked.</returns>
    /// <exception cref="DataMismatchException">The data is missing or differs from the pointer.</exception>
    /// <exception cref="InvalidFileException">The pointer is not a .dvc file, or its <c>path</c> is not the data beside it.</exception>
    public DataPointer? Verify(string path, bool rehash = false)
    {
        var relative = path.Replace('\\', '/').TrimEnd('/');
        var full = Path.Combine(repositoryRoot, relative);
        var pointerName = relative + ".dvc";
        if (!File.Exists(full + ".dvc"))
        {
            return null;
        }

        var pointer = DataPointer.Read(full + ".dvc", pointerName, dataPath: relative);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new DataMismatchException(
                $"{relative}: not found, but {pointerName} pins md5 {pointer.Md5}. Restore it (e.g. `dvc pull`) or remove {pointerName}.");
        }

        var state = HashState.Open(repositoryRoot, forget: rehash);
        var actual = ContentHash.Of(full, pointer.IsLegacy, state);
        state.Save();
        if (actual.Md5 != pointer.Md5)
        {
            var changes = DescribeChanges(relative, pointer, actual);
            var update = pointer.IsLegacy ? $"{UpdateCommand} --path={relative} (it rewrites the DVC 2 pointer as DVC 3)" : $"{UpdateCommand} --path={relative}";
            throw new DataMismatchException(
                $"{relative}: md5 {actual.Md5} does not match {pointerName} ({pointer.Md5}){changes}; run `{update}` if the change is intended.");
        }

        return pointer;
    }

    // Names the files that differ when the cache still holds the pinned manifest.
    private string DescribeChanges(string relative, DataPointer pointer, TrackedContent actual)
    {
        var pinned = DataCache.Of(repositoryRoot).ReadManifest(pointer.Md5);
        if (pinned is null || actual.Manifest is null)
        {
            return "";
        }

        var before = pinned.ToDictionary(e => e.RelativePath, e => e.Md5, StringComparer.Ordinal);
        var after = actual.Manifest.Entries.ToDictionary(e => e.RelativePath, e => e.Md5, StringComparer.Ordinal);
        var changes = after.Where(e => before.TryGetValue(e.Key, out var md5) && md5 != e.Value).Select(e => $"{relative}/{e.Key} changed")
            .Concat(after.Keys.Where(k => !before.ContainsKey(k)).Select(k => $"{relative}/{k} added"))
            .Concat(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => $"{relative}/{k} removed"))
            .ToList();
        return changes.Count == 0 ? "" : $" [{string.Join(", ", changes.Take(5))}{(changes.Count > 5 ? $", and {changes.Count - 5} more" : "")}]";
    }
}
