using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MlOps.Build.Tests.BadInputs;

/// <summary>Every file of a folder with its sha256 (a link with its target, never followed), to see what a run changed.</summary>
internal sealed class RepositorySnapshot
{
    private readonly Dictionary<string, string> files;

    private RepositorySnapshot(Dictionary<string, string> files) => this.files = files;

    /// <summary>Hashes every file under <paramref name="root"/>.</summary>
    public static RepositorySnapshot Of(string root)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(new DirectoryInfo(root), root, files);
        return new RepositorySnapshot(files);
    }

    /// <summary>The files created, changed or deleted since this snapshot that no glob in <paramref name="allowed"/> matches.</summary>
    public IReadOnlyList<string> ChangedSince(RepositorySnapshot before, IEnumerable<string> allowed)
    {
        var patterns = allowed.Select(Glob).ToList();
        return [.. files.Keys.Union(before.files.Keys)
            .Where(f => !files.TryGetValue(f, out var now) || !before.files.TryGetValue(f, out var then) || now != then)
            .Where(f => !patterns.Any(p => p.IsMatch(f)))
            .Order(StringComparer.Ordinal)];
    }

    private static void Walk(DirectoryInfo folder, string root, Dictionary<string, string> files)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
            if (entry.LinkTarget is { } target)
            {
                files[relative] = "link:" + target;
            }
            else if (entry is DirectoryInfo child)
            {
                Walk(child, root, files);
            }
            else
            {
                files[relative] = Hash((FileInfo)entry);
            }
        }
    }

    private static string Hash(FileInfo file)
    {
        try
        {
            using var stream = File.OpenRead(file.FullName);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (IOException)
        {
            // Locked by a running program (a server's audit-log lock): its size and time tell a change.
            return FormattableString.Invariant($"locked:{file.Length}:{file.LastWriteTimeUtc.Ticks}");
        }
    }

    /// <summary><c>**</c> is any path, <c>*</c> any name part.</summary>
    private static Regex Glob(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");
}
