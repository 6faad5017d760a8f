using System.Security.Cryptography;
using System.Text;

namespace MlOps.Tasks.Data;

/// <summary>One hash for a whole folder of files.</summary>
public static class FolderHash
{
    /// <summary>
    /// The SHA-256 over every file of <paramref name="folder"/>: its relative path (with /) and the
    /// SHA-256 of its bytes, in ordinal order of the paths. Changes when any file is added, removed or changed.
    /// </summary>
    public static string Sha256(string folder) => Of(folder, state: null).Sha256;

    /// <summary>
    /// <see cref="Sha256"/>, with each file's hash remembered by size and modification time in
    /// <c>&lt;folder&gt;.sha256s.json</c> beside the folder, so an unchanged folder (the server that goes into
    /// every image) is not read again. A folder whose parent cannot be written to is simply hashed; with
    /// <paramref name="forget"/> (<c>--force</c>) every file is read again.
    /// </summary>
    public static FolderDigest Remembered(string folder, bool forget = false)
    {
        var state = HashState.OpenFile(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + ".sha256s.json", forget);
        var digest = Of(folder, state);
        try
        {
            state.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the next run's time is lost.
        }

        return digest;
    }

    private static FolderDigest Of(string folder, HashState? state)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        foreach (var (path, relative) in files)
        {
            var sha256 = state?.Sha256OfFile(path) ?? ContentHash.Sha256OfFile(path);
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\n{sha256}\n"));
        }

        return new FolderDigest(Convert.ToHexStringLower(hash.GetHashAndReset()), files.Count, state?.Hashed ?? files.Count);
    }
}
