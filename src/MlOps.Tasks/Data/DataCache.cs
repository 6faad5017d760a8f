using MlOps.Tasks.Artifacts;

namespace MlOps.Tasks.Data;

/// <summary>
/// A DVC 3 cache or folder remote, <c>files/md5/ab/cdef…</c>: content-addressed copies of tracked
/// files and directory manifests, so that <c>dvc push</c>/<c>pull</c> can use the same objects.
/// </summary>
/// <param name="folder">The cache folder (the one holding <c>files/</c>).</param>
internal sealed class DataCache(string folder)
{
    /// <summary>The cache of a repository: <c>.dvc/cache</c>.</summary>
    public static DataCache Of(string repositoryRoot) => new(Path.Combine(repositoryRoot, ".dvc", "cache"));

    /// <summary>The folder holding the objects.</summary>
    public string ObjectsFolder { get; } = Path.Combine(folder, "files", "md5");

    /// <summary>Where the object with this md5 (with <c>.dir</c> for a manifest) is stored.</summary>
    public string PathOf(string md5) => Path.Combine(ObjectsFolder, md5[..2], md5[2..]);

    /// <summary>Whether every object of <paramref name="content"/> is already stored.</summary>
    public bool Holds(TrackedContent content) =>
        File.Exists(PathOf(content.Md5))
        && (content.Manifest is null || content.Manifest.Entries.All(e => File.Exists(PathOf(e.Md5))));

    /// <summary>Stores the objects of <paramref name="content"/> read from <paramref name="source"/>; files first, manifest last, as DVC does.</summary>
    public void Store(string source, TrackedContent content)
    {
        if (content.Manifest is null)
        {
            StoreFile(source, content.Md5);
            return;
        }

        foreach (var entry in content.Manifest.Entries)
        {
            StoreFile(Path.Combine(source, entry.RelativePath), entry.Md5);
        }

        var manifestObject = PathOf(content.Md5);
        if (!File.Exists(manifestObject))
        {
            AtomicFile.WriteAllBytes(manifestObject, content.Manifest.Json);
            MakeReadOnly(manifestObject);
        }
    }

    /// <summary>The manifest of a directory object, if the cache holds it.</summary>
    public IReadOnlyList<ManifestEntry>? ReadManifest(string md5)
    {
        var file = PathOf(md5);
        return md5.EndsWith(".dir", StringComparison.Ordinal) && File.Exists(file) ? ReadManifestFile(file) : null;
    }

    /// <summary>The entries of the manifest in <paramref name="file"/>, or null when it is not one.</summary>
    public static IReadOnlyList<ManifestEntry>? ReadManifestFile(string file)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
            return json.RootElement.EnumerateArray()
                .Select(e => new ManifestEntry(e.GetProperty("relpath").GetString()!, e.GetProperty("md5").GetString()!, Size: -1))
                .ToList();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A damaged object is treated as absent: the data is then restored from elsewhere or refused.
            return null;
        }
    }

    /// <summary>Stores a copy of <paramref name="source"/> as the object <paramref name="md5"/>, unless it is there already.</summary>
    public void StoreFile(string source, string md5)
    {
        var target = PathOf(md5);
        if (File.Exists(target))
        {
            return;
        }

        AtomicFile.Copy(source, target);
        MakeReadOnly(target);
    }

    // DVC protects cache objects from edits through links the same way.
    private static void MakeReadOnly(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
