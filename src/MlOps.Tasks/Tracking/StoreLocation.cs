namespace MlOps.Tasks.Tracking;

/// <summary>Where the tracking store is to be: checked before anything opens or creates it, so that a wrong place is a usage error naming the option.</summary>
public static class StoreLocation
{
    /// <summary>The environment variable that names the store's folder when <c>--store</c> is not given.</summary>
    public const string StoreVariable = "MLOPS_STORE";

    /// <summary>
    /// The store's folder: <paramref name="option"/> (<c>--store</c>), else <paramref name="variable"/>
    /// (<see cref="StoreVariable"/>), else <c>.mlops</c>, relative to <paramref name="repositoryRoot"/>.
    /// </summary>
    /// <exception cref="UsageException">The place is a file, a link that cannot be followed, or below a file.</exception>
    public static string Resolve(string repositoryRoot, string? option, string? variable)
    {
        var (given, shown, remedy) = option is not null ? (option, $"--store={option}", "leave --store out for .mlops")
            : variable is { Length: > 0 } ? (variable, $"{StoreVariable}={variable}", $"unset {StoreVariable} for .mlops")
            : (".mlops", ".mlops", "pass --store=<folder>");
        var path = Path.Combine(repositoryRoot, given);
        var problem = Problem(Path.GetFullPath(path), repositoryRoot);
        return problem is null ? path
            : throw new UsageException($"{shown} {problem}; the tracking store is a folder (it holds mlops.db and artifacts/): name a folder, new or existing, or {remedy}.");
    }

    private static string? Problem(string full, string repositoryRoot)
    {
        if (Directory.Exists(full))
        {
            return null;
        }

        var info = new FileInfo(full);
        if (info.LinkTarget is not null && !Followable(info))
        {
            return "is a symbolic link that cannot be followed (it loops, or its target does not exist)";
        }

        if (info.Exists)
        {
            return "is a file";
        }

        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"is below {Path.GetRelativePath(repositoryRoot, parent).Replace('\\', '/')}, which is a file";
            }

            if (Directory.Exists(parent))
            {
                break;
            }
        }

        return null;
    }

    private static bool Followable(FileInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true)?.Exists == true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
