using System.Collections.Concurrent;
using System.Text.Json;
using MlOps.Tasks.Artifacts;

namespace MlOps.Tasks.Data;

/// <summary>
/// Remembers the hashes of files by size and modification time, as DVC's state database does, so that
/// checking unchanged data does not read it again: a repository's md5s in <c>.dvc/tmp/md5s.json</c>
/// (git-ignored by <c>.dvc/.gitignore</c>), a folder's sha256s beside it (<see cref="FolderHash"/>). As in
/// git, a file changed within two seconds of being hashed is not remembered, because a second edit in the
/// same clock tick would keep its time.
/// </summary>
internal sealed class HashState
{
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);
    private readonly string file;
    private readonly ConcurrentDictionary<string, Entry> entries;
    private bool changed;
    private int reused;
    private int hashed;

    private HashState(string file, Dictionary<string, Entry> entries)
    {
        this.file = file;
        this.entries = new ConcurrentDictionary<string, Entry>(entries, StringComparer.Ordinal);
    }

    /// <summary>How many hashes were reused rather than computed.</summary>
    public int Reused => reused;

    /// <summary>How many files were read and hashed.</summary>
    public int Hashed => hashed;

    /// <summary>The state of the repository at <paramref name="repositoryRoot"/>; empty when absent or unreadable, or when <paramref name="forget"/>.</summary>
    public static HashState Open(string repositoryRoot, bool forget = false) =>
        OpenFile(Path.Combine(repositoryRoot, ".dvc", "tmp", "md5s.json"), forget);

    /// <summary>The state kept in <paramref name="file"/>; empty when absent or unreadable, or when <paramref name="forget"/>.</summary>
    public static HashState OpenFile(string file, bool forget = false)
    {
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
    public string Md5OfFile(string path, bool legacy) =>
        Remembered((legacy ? "dvc2:" : "") + Path.GetFullPath(path), path, () => ContentHash.Md5OfFile(path, legacy));

    /// <summary>The sha256 of <paramref name="path"/> (lowercase hex): remembered if its size and time are unchanged, else computed.</summary>
    public string Sha256OfFile(string path) =>
        Remembered("sha256:" + Path.GetFullPath(path), path, () => ContentHash.Sha256OfFile(path));

    private string Remembered(string key, string path, Func<string> compute)
    {
        var info = new FileInfo(path);
        var stamp = info.LastWriteTimeUtc.Ticks;
        if (entries.TryGetValue(key, out var known) && known.Hash is not null && known.Size == info.Length && known.Modified == stamp)
        {
            Interlocked.Increment(ref reused);
            return known.Hash;
        }

        var hash = compute();
        Interlocked.Increment(ref hashed);
        if (DateTime.UtcNow - info.LastWriteTimeUtc > RacyWindow)
        {
            entries[key] = new Entry(info.Length, stamp, hash);
            changed = true;
        }

        return hash;
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

    /// <summary>What is remembered of one file (a state written before sha256s were kept has no <see cref="Hash"/>: hashed again).</summary>
    internal sealed record Entry(long Size, long Modified, string? Hash);
}
