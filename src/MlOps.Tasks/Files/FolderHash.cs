using System.Security.Cryptography;
using System.Text;

namespace MlOps.Tasks.Files;

/// <summary>One hash for a whole folder of files.</summary>
public static class FolderHash
{
    /// <summary>
    /// The SHA-256 over every file of <paramref name="folder"/>: its relative path (with /) and the
    /// SHA-256 of its bytes, in ordinal order of the paths. Changes when any file is added, removed or changed.
    /// </summary>
    public static string Sha256(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (path, relative) in files)
        {
            using var stream = File.OpenRead(path);
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\n{Convert.ToHexStringLower(SHA256.HashData(stream))}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
