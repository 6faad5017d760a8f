using System.Text;

namespace MlOps.Tasks.Data;

/// <summary>
/// A directory's list of files and their md5s, serialised byte for byte as DVC 3 does
/// (Python's <c>json.dumps(sorted(entries), sort_keys=True)</c>); its md5 is the directory's hash.
/// </summary>
internal sealed record DirectoryManifest(IReadOnlyList<ManifestEntry> Entries)
{
    // DVC never tracks the insides of these, wherever they are in the tree.
    private static readonly HashSet<string> IgnoredDirectories = new(StringComparer.Ordinal) { ".git", ".hg", ".dvc" };

    /// <summary>The manifest as DVC writes it: one line of JSON, ASCII only, no trailing newline.</summary>
    public byte[] Json { get; } = Encoding.ASCII.GetBytes(Serialise(Entries));

    /// <summary>md5 of <see cref="Json"/>, without the <c>.dir</c> suffix.</summary>
    public string Md5 => ContentHash.Md5Of(Json);

    /// <summary>Sum of the file sizes.</summary>
    public long Size => Entries.Sum(e => e.Size);

    /// <summary>Walks <paramref name="directory"/> and hashes every file in it.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="legacy">Hash files as DVC 2 did (see <see cref="ContentHash.Md5OfFile"/>).</param>
    /// <param name="state">Remembered md5s of unchanged files, if any.</param>
    public static DirectoryManifest Build(string directory, bool legacy = false, HashState? state = null)
    {
        var files = Walk(directory).ToList();
        var entries = new ManifestEntry[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var file = files[i];
            var relative = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            entries[i] = new ManifestEntry(relative, state?.Md5OfFile(file, legacy) ?? ContentHash.Md5OfFile(file, legacy), new FileInfo(file).Length);
        });
        Array.Sort(entries, (a, b) => CodePointOrder.Compare(a.RelativePath, b.RelativePath));
        return new DirectoryManifest(entries);
    }

    private static IEnumerable<string> Walk(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (IgnoredDirectories.Contains(Path.GetFileName(child)))
            {
                continue;
            }

            foreach (var file in Walk(child))
            {
                yield return file;
            }
        }
    }

    private static string Serialise(IReadOnlyList<ManifestEntry> entries)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < entries.Count; i++)
        {
            json.Append(i == 0 ? "" : ", ")
                .Append("{\"md5\": ").Append(PythonJson.Quote(entries[i].Md5))
                .Append(", \"relpath\": ").Append(PythonJson.Quote(entries[i].RelativePath))
                .Append('}');
        }

        return json.Append(']').ToString();
    }
}
