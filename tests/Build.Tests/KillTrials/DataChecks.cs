using System.Security.Cryptography;
using System.Text.Json;
using MlOps.Tasks.Data;

namespace MlOps.Build.Tests.KillTrials;

/// <summary>What a kill must never leave in DVC's files: a pointer that names content the cache lacks, or a cache object whose content is not its name.</summary>
internal static class DataChecks
{
    /// <summary>The .dvc pointer must read, and the cache must hold its object and, for a folder, every object its manifest lists.</summary>
    public static IEnumerable<string> PointerProblems(string repository, string pointer)
    {
        DataPointer read;
        try
        {
            read = DataPointer.Read(Path.Combine(repository, pointer), pointer);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or MlOps.Tasks.InvalidFileException or MlOps.Tasks.UsageException)
        {
            return [$"{pointer} cannot be read: {e.Message}"];
        }

        var objects = Path.Combine(repository, ".dvc", "cache", "files", "md5");
        var manifest = Object(objects, read.Md5);
        if (!File.Exists(manifest))
        {
            return [$"{pointer} pins md5 {read.Md5}, which the cache does not hold"];
        }

        if (!read.Md5.EndsWith(".dir", StringComparison.Ordinal))
        {
            return [];
        }

        using var entries = JsonDocument.Parse(File.ReadAllBytes(manifest));
        return [.. entries.RootElement.EnumerateArray()
            .Select(entry => (Path: entry.GetProperty("relpath").GetString(), Md5: entry.GetProperty("md5").GetString()!))
            .Where(entry => !File.Exists(Object(objects, entry.Md5)))
            .Select(entry => $"{pointer} pins md5 {read.Md5}, whose {entry.Path} ({entry.Md5}) the cache does not hold")];
    }

    /// <summary>Cache objects (temporary files aside) whose md5 is not their name; <paramref name="checkedBefore"/> are skipped and the rest added to it.</summary>
    public static IEnumerable<string> CacheProblems(string repository, ISet<string> checkedBefore)
    {
        ArgumentNullException.ThrowIfNull(checkedBefore);
        var objects = Path.Combine(repository, ".dvc", "cache", "files", "md5");
        if (!Directory.Exists(objects))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(objects, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            if (!checkedBefore.Add(file))
            {
                continue;
            }

            var name = Path.GetFileName(Path.GetDirectoryName(file)) + Path.GetFileName(file);
            using var content = File.OpenRead(file);
#pragma warning disable CA5351 // DVC names its objects by md5; the check must compute the same.
            var md5 = Convert.ToHexStringLower(MD5.HashData(content));
#pragma warning restore CA5351
            if (md5 != (name.EndsWith(".dir", StringComparison.Ordinal) ? name[..^4] : name))
            {
                yield return $"cache object {Path.GetRelativePath(repository, file)} holds content of md5 {md5}";
            }
        }
    }

    private static string Object(string objects, string md5) => Path.Combine(objects, md5[..2], md5[2..]);
}
