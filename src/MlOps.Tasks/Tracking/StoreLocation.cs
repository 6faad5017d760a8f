namespace MlOps.Tasks.Tracking;

/// <summary>
/// Where the tracking store is: its database, and the local folder for what stays on this machine (the development signing key,
/// environment locks, the servers started here, audit logs, run artifacts). For a folder store both are the folder (<c>mlops.db</c>
/// in it); <c>sqlite:///path</c> names the file (the folder is the file's); a <c>postgresql://</c> store keeps its folder in
/// <c>.mlops</c> of the repository.
/// </summary>
/// <param name="Folder">The local folder (full path).</param>
/// <param name="Database">The database.</param>
public sealed record StoreLocation(string Folder, StoreDatabase Database)
{
    /// <summary>The environment variable that names the store when <c>--store</c> is not given.</summary>
    public const string StoreVariable = "MLOPS_STORE";

    /// <summary>The environment variable that names where a new store keeps run artifacts and bundles for every machine (MLflow's artifact root).</summary>
    public const string ArtifactsVariable = "MLOPS_ARTIFACTS";

    /// <summary>The database file of a folder store.</summary>
    public const string DatabaseFile = "mlops.db";

    /// <summary>What <c>--store</c> accepts, for help and error messages.</summary>
    public const string Forms = "a folder, sqlite:///path/to/file.db or postgresql://user@host:port/database";

    /// <summary>The store whose database is <c>mlops.db</c> in <paramref name="folder"/>.</summary>
    public static StoreLocation InFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        return new(full, new SqliteDatabase(Path.Combine(full, DatabaseFile)));
    }

    /// <summary>
    /// Where run artifacts and bundles are to be kept for every machine (<see cref="ArtifactsVariable"/>): a folder or <c>s3://bucket/prefix</c>;
    /// null to use what the store recorded, or this machine's folder alone.
    /// </summary>
    public string? Artifacts { get; init; }

    /// <summary>The database as it may be shown: a path, or a URI with any password masked.</summary>
    public string Display => Database.Display;

    /// <summary>
    /// The store named by <paramref name="option"/> (<c>--store</c>), else <paramref name="variable"/> (<see cref="StoreVariable"/>),
    /// else <c>.mlops</c>; relative paths are relative to <paramref name="repositoryRoot"/>.
    /// </summary>
    /// <exception cref="UsageException">
    /// The place is a file, a link that cannot be followed, or below a file; the URI is not one of <see cref="Forms"/>;
    /// or <c>--store</c> holds a password.
    /// </exception>
    public static StoreLocation Resolve(string repositoryRoot, string? option, string? variable, string? artifacts = null) =>
        ResolveStore(repositoryRoot, option, variable) with { Artifacts = ArtifactRoot(repositoryRoot, artifacts) };

    /// <summary>
    /// <see cref="Resolve"/> with this process's <see cref="StoreVariable"/> and <see cref="ArtifactsVariable"/>: the store a host uses when
    /// <paramref name="option"/> (its <c>--store</c>, or null) names none.
    /// </summary>
    /// <exception cref="UsageException">As for <see cref="Resolve"/>.</exception>
    public static StoreLocation FromEnvironment(string repositoryRoot, string? option) =>
        Resolve(repositoryRoot, option, Environment.GetEnvironmentVariable(StoreVariable), Environment.GetEnvironmentVariable(ArtifactsVariable));

    /// <summary>
    /// The store a task option names, e.g. Migrate's <c>--to</c>: one of <see cref="Forms"/>, relative to <paramref name="repositoryRoot"/>,
    /// refused as <c>--store</c> would be (a password on the command line included); <paramref name="artifacts"/> as for <see cref="Resolve"/>.
    /// </summary>
    /// <exception cref="UsageException">As for <see cref="Resolve"/>.</exception>
    public static StoreLocation ResolveOption(string repositoryRoot, string name, string value, string? artifacts = null) =>
        Locate(repositoryRoot, value, $"--{name}={value}", $"--{name}", $"pass another --{name}") with { Artifacts = ArtifactRoot(repositoryRoot, artifacts) };

    private static StoreLocation ResolveStore(string repositoryRoot, string? option, string? variable)
    {
        var (given, shown, remedy) = option is not null ? (option, $"--store={option}", "leave --store out for .mlops")
            : variable is { Length: > 0 } ? (variable, $"{StoreVariable}={variable}", $"unset {StoreVariable} for .mlops")
            : (".mlops", ".mlops", "pass --store=<folder>");
        return Locate(repositoryRoot, given, shown, option is not null ? "--store" : StoreVariable, remedy);
    }

    // source: the option (--store, --to) or variable the text came from; a password is refused from an option.
    private static StoreLocation Locate(string repositoryRoot, string given, string shown, string source, string remedy)
    {
        if (PostgresUri.Is(given))
        {
            var database = PostgresUri.Parse(given, source);
            return new(Path.GetFullPath(CheckedFolder(repositoryRoot, ".mlops", ".mlops", "pass --store=<folder>")), database);
        }

        if (given.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var file = SqlitePath(given, source);
            var full = Path.GetFullPath(Path.Combine(repositoryRoot, file));
            return new(Path.GetFullPath(CheckedFolder(repositoryRoot, Path.GetDirectoryName(full)!, shown, remedy)), new SqliteDatabase(full));
        }

        if (UriScheme(given) is { } scheme)
        {
            throw new UsageException($"{UriSecrets.Mask(shown)}: a '{scheme}:' store is not supported; the tracking store is {Forms}.");
        }

        return InFolder(CheckedFolder(repositoryRoot, given, shown, remedy));
    }

    /// <summary>The database as shown, e.g. in <c>Error:</c> lines.</summary>
    public override string ToString() => Display;

    // A folder is relative to the repository, as the store's folder is; a URL (s3://…, file://…) is taken as it is.
    private static string? ArtifactRoot(string repositoryRoot, string? artifacts) =>
        artifacts is not { Length: > 0 } ? null
            : UriScheme(artifacts) is not null ? artifacts.TrimEnd('/')
            : Path.GetFullPath(Path.Combine(repositoryRoot, artifacts));

    // sqlite:///relative/file.db and sqlite:////absolute/file.db, as SQLAlchemy and MLflow spell them.
    private static string SqlitePath(string uri, string source)
    {
        const string Prefix = "sqlite:///";
        return uri.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && uri.Length > Prefix.Length && !uri.EndsWith('/')
            ? Uri.UnescapeDataString(uri[Prefix.Length..])
            : throw new UsageException($"{source}={uri} is not an SQLite URI: write sqlite:///relative/file.db or sqlite:////absolute/file.db.");
    }

    private static string? UriScheme(string given)
    {
        var colon = given.IndexOf("://", StringComparison.Ordinal);
        return colon > 1 && given[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? given[..colon] : null;
    }

    private static string CheckedFolder(string repositoryRoot, string given, string shown, string remedy)
    {
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
