namespace MlOps.Tasks.Storage;

/// <summary>The keys of an <see cref="ObjectStore"/>: '/'-separated relative paths, the same in a folder and in a bucket.</summary>
internal static class ObjectKey
{
    /// <summary>The suffix of the temporary files a download or a folder store writes before renaming them.</summary>
    public const string PartialSuffix = ".partial";

    /// <summary>Refuses a key that is not a plain relative path (empty, absolute, with '\', '.', '..' or empty segments).</summary>
    public static string Check(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.Split('/');
        if (key.Length == 0 || key.Contains('\\', StringComparison.Ordinal) || key.EndsWith(PartialSuffix, StringComparison.Ordinal)
            || segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            throw new ArgumentException($"'{key}' is not an object key: a relative path of '/'-separated names, without '.', '..' or '\\'.", nameof(key));
        }

        return key;
    }

    /// <summary>Refuses a list prefix that could reach outside the store ('..', '.', '\\', a leading '/'); "" lists everything.</summary>
    public static string CheckPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.StartsWith('/') || prefix.Contains('\\', StringComparison.Ordinal) || prefix.Split('/').Any(s => s is "." or ".."))
        {
            throw new ArgumentException($"'{prefix}' is not a key prefix: the start of a relative path, without '.', '..' or '\\'.", nameof(prefix));
        }

        return prefix;
    }

    /// <summary>A new temporary file name beside <paramref name="path"/> (its folder is created).</summary>
    public static string PartialBeside(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{PartialSuffix}");
    }
}
