using System.Collections.Concurrent;
using System.Text.Json;
using MlOps.Tasks.Files;

namespace MlOps.Tasks.Data;

/// <summary>
/// Remembers the md5 of files by size and modification time, as DVC's state database does, so that
/// checking unchanged data does not read it again. Kept in <c>.dvc/tmp/md5s.json</c> (git-ignored by
/// <c>.dvc/.gitignore</c>). As in git, a file changed within two seconds of being hashed is not
/// remembered, because a second edit in the same clock tick would keep its time.
/// </summary>
internal sealed class HashState
{
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);
    private readonly string file;
    private readonly ConcurrentDictionary<string, Entry> entries;
    private bool changed;
    private int reused;

    private HashState(string file, Dictionary<string, Entry> entries)
    {
        this.file = file;
        this.entries = new ConcurrentDictionary<string, Entry>(entries, StringComparer.Ordinal);
    }

    /// <summary>How many md5s were reused rather than computed.</summary>
    public int Reused => reused;

    /// <summary>The state of the repository at <paramref name="repositoryRoot"/>; empty when absent or unreadable, or when <paramref name="forget"/>.</summary>
    public static HashState Open(string repositoryRoot, bool forget = false)
    {
        var file = Path.Combine(repositoryRoot, ".dvc", "tmp", "md5s.json");
        try
        {
            var entries = File.Exists(file) && !forget ? JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllBytes(file)) : null;
            return new HashState(file, entries ?? []);
        }
        catch (JsonException)
        {
            // A damaged state only costs a re-hash.
            return new HashState(file, []);
        }
    }

    /// <summary>The md5 of <paramref name="path"/>: remembered if its size and time are unchanged, else computed.</summary>
    public string Md5OfFile(string path, bool legacy)
    {
        var info = new FileInfo(path);
        var key = (legacy ? "dvc2:" : "") + Path.GetFullPath(path);
        var stamp = info.LastWriteTimeUtc.Ticks;
        if (entries.TryGetValue(key, out var known) && known.Size == info.Length && known.Modified == stamp)
        {
            Interlocked.Increment(ref reused);
            return known.Md5;
        }

        var md5 = ContentHash.Md5OfFile(path, legacy);
        if (DateTime.UtcNow - info.LastWriteTimeUtc > RacyWindow)
        {
            entries[key] = new Entry(info.Length, stamp, md5);
            changed = true;
        }

        return md5;
    }

    /// <summary>Writes the state back if anything new was learnt.</summary>
    public void Save()
    {
        if (changed)
        {
            AtomicFile.WriteAllBytes(file, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, Entry>(entries, StringComparer.Ordinal)));
            changed = false;
        }
    }

    /// <summary>What is remembered of one file.</summary>
    internal sealed record Entry(long Size, long Modified, string Md5);
}
