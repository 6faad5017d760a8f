namespace MlOps.Tasks.Data;

/// <summary>
/// What TrackData must not copy into the DVC cache, which <c>dvc push</c> uploads: the tracking store, <c>.git</c>
/// and <c>.dvc</c> (and anything inside them), private keys, and symbolic links that loop or lead nowhere. Walks
/// the tree as <see cref="DirectoryManifest"/> does (through folder links, past .git, .hg and .dvc) before
/// anything is hashed or written.
/// </summary>
internal sealed class TrackablePath
{
    private const string Remedy = "track a data file or folder, e.g. --path=data.";
    private const int MaxLinkHops = 40;
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { ".git", ".hg", ".dvc" };
    private static readonly HashSet<string> KeyFileNames = new(StringComparer.Ordinal) { "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519" };
    private readonly string root;
    private readonly string realRoot;
    private readonly List<(string Real, string Shown, string What, string Tail)> guarded = [];
    private readonly string? keyFile;

    /// <param name="repositoryRoot">The repository, full path.</param>
    /// <param name="storeFolder">The tracking store's folder.</param>
    /// <param name="keyFile">The signing key's file when one is configured (MLOPS_SIGNING_KEY_FILE).</param>
    public TrackablePath(string repositoryRoot, string storeFolder, string? keyFile)
    {
        root = Path.GetFullPath(repositoryRoot);
        realRoot = RealPath(root) ?? root;
        var store = ": the registry and the signing key must not be copied into .dvc/cache, which dvc push uploads; " + Remedy;
        Guard(storeFolder, "the tracking store", store);
        Guard(Path.Combine(root, ".git"), "git's own folder", "; " + Remedy);
        Guard(Path.Combine(root, ".dvc"), "DVC's own folder", "; " + Remedy);
        this.keyFile = keyFile is { Length: > 0 } ? RealPath(keyFile) : null;
    }

    /// <summary>Refuses <paramref name="full"/> (a file or folder in the repository) when tracking it would copy what must not be copied.</summary>
    /// <exception cref="UsageException">It is, is inside or holds the store, .git or .dvc; it is or holds a private key or a link that loops or leads nowhere.</exception>
    public void Check(string full)
    {
        var shown = Shown(full);
        var real = RealPath(full) ?? throw Unfollowable(shown);
        CheckGuards(real, shown);
        if (Directory.Exists(real))
        {
            Walk(full, real, shown, [real]);
        }
        else
        {
            CheckKey(full, real, shown, folder: null);
        }
    }

    /// <summary>The path with every symbolic link resolved, or null when a link loops or the path does not exist.</summary>
    internal static string? RealPath(string path)
    {
        var hops = 0;
        return Resolve(Path.GetFullPath(path), ref hops);
    }

    private static string? Resolve(string full, ref int hops)
    {
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (IOException)
            {
                return null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops || Resolve(Path.GetFullPath(target, current), ref hops) is not { } resolved)
            {
                return null;
            }

            current = resolved;
        }

        return Path.Exists(current) ? current : null;
    }

    private void Guard(string path, string what, string tail)
    {
        var full = Path.GetFullPath(path, root);
        guarded.Add((RealPath(full) ?? full, Shown(full), what, tail));
    }

    private void Walk(string folder, string real, string top, List<string> ancestors)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var shown = Shown(file);
            var fileReal = Path.Combine(real, Path.GetFileName(file));
            if (new FileInfo(file).LinkTarget is not null)
            {
                fileReal = RealPath(file) ?? throw Unfollowable(shown);
                CheckGuards(fileReal, shown);
            }

            CheckKey(file, fileReal, shown, top);
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (Skipped.Contains(Path.GetFileName(child)))
            {
                continue;
            }

            var shown = Shown(child);
            var childReal = Path.Combine(real, Path.GetFileName(child));
            if (new DirectoryInfo(child).LinkTarget is not null)
            {
                childReal = RealPath(child) ?? throw Unfollowable(shown);
                if (ancestors.Find(a => IsSameOrInside(a, childReal)) is not null)
                {
                    var target = Path.GetRelativePath(realRoot, childReal).Replace('\\', '/');
                    throw new UsageException(
                        $"'{shown}' is a symbolic link back to '{(target.StartsWith("..", StringComparison.Ordinal) ? childReal : target)}', "
                        + "which holds it (a loop); remove it and track again.");
                }

                CheckGuards(childReal, shown);
            }

            ancestors.Add(childReal);
            Walk(child, childReal, top, ancestors);
            ancestors.RemoveAt(ancestors.Count - 1);
        }
    }

    private void CheckGuards(string real, string shown)
    {
        foreach (var (guard, guardShown, what, tail) in guarded)
        {
            var relation = real == guard ? "is" : IsSameOrInside(real, guard) ? "is inside" : IsSameOrInside(guard, real) ? "holds" : null;
            if (relation is not null)
            {
                throw new UsageException($"'{shown}' {relation} {what} ({guardShown}){tail}");
            }
        }
    }

    private void CheckKey(string file, string real, string shown, string? folder)
    {
        var name = Path.GetFileName(file);
        var named = name.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".key", StringComparison.OrdinalIgnoreCase) || KeyFileNames.Contains(name);
        if (real == keyFile || (named && HoldsPrivateKey(real)))
        {
            throw new UsageException($"'{shown}' is a private key: keys must not be copied into .dvc/cache, which dvc push uploads; "
                + (folder is null ? Remedy : $"move it out of '{folder}' and track again."));
        }
    }

    // PEM private keys of every kind (PKCS#8, EC, RSA, OpenSSH, encrypted) say so in their first lines.
    private static bool HoldsPrivateKey(string file)
    {
        Span<byte> head = stackalloc byte[4096];
        using var stream = File.OpenRead(file);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read].IndexOf("PRIVATE KEY-----"u8) >= 0;
    }

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string Shown(string full) => Path.GetRelativePath(root, full).Replace('\\', '/');

    private static UsageException Unfollowable(string shown) =>
        new($"'{shown}' is a symbolic link that cannot be followed (it loops, or its target does not exist); remove or fix it and track again.");
}
