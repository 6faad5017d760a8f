using System.Data.Common;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// Experiment tracking and model registry in the manner of MLflow: a database (<see cref="StoreLocation"/>: SQLite, embedded, by
/// default <c>&lt;folder&gt;/mlops.db</c>; or PostgreSQL, shared by a team) with artifacts on disk under <c>&lt;folder&gt;/artifacts/&lt;run id&gt;/</c>.
/// Several processes may use one store at once: every read-then-write happens in one transaction that holds the store's writer lock,
/// and a killed process leaves no partial write behind.
/// An instance holds one connection, which its parts share, and is not thread-safe; open one per thread.
/// </summary>
public sealed class TrackingStore : IDisposable
{
    private readonly StoreConnection connection;

    private TrackingStore(StoreLocation location, StoreConnection connection)
    {
        Location = location;
        this.connection = connection;
        Runs = new RunLog(connection);
        Registry = new ModelRegistry(connection, Runs);
        Deployments = new DeploymentHistory(connection, Registry);
    }

    /// <summary>Where the store is: its local folder and its database.</summary>
    public StoreLocation Location { get; }

    /// <summary>The store's local folder (full path).</summary>
    public string Directory => Location.Folder;

    /// <summary>The database as it may be shown: the SQLite file's path, or the PostgreSQL URI without its password.</summary>
    public string Database => Location.Display;

    /// <summary>The runs: their params, metrics, tags and artifacts.</summary>
    public RunLog Runs { get; }

    /// <summary>The model registry: registered models, their versions and aliases.</summary>
    public ModelRegistry Registry { get; }

    /// <summary>The deployment history: deployments and the servers started for them.</summary>
    public DeploymentHistory Deployments { get; }

    /// <summary>Whether <paramref name="location"/> holds a store: asking must not create one (a dry run, a fresh repository).</summary>
    /// <exception cref="StoreUnavailableException">A database server that cannot be reached.</exception>
    public static bool Exists(StoreLocation location)
    {
        var engine = StoreEngine.For(location);
        try
        {
            return engine.Exists();
        }
        catch (Exception error) when (engine.Explain(error, "looking for the tracking store") is { } explained)
        {
            throw explained;
        }
    }

    /// <summary>
    /// Holds the store-wide lock of deployment environment <paramref name="environment"/> until disposed (a team store: one Deploy, Rollback
    /// or Undeploy there at a time across every machine that uses it); null while another holds it.
    /// </summary>
    /// <exception cref="StoreUnavailableException">A database server that cannot be reached.</exception>
    public static IDisposable? HoldEnvironment(StoreLocation location, string environment)
    {
        var engine = StoreEngine.For(location);
        try
        {
            return engine.HoldEnvironment(environment);
        }
        catch (Exception error) when (engine.Explain(error, $"locking environment '{environment}'") is { } explained)
        {
            throw explained;
        }
    }

    /// <summary>Opens the store at <paramref name="location"/>, creating it or bringing its schema up to date.</summary>
    /// <exception cref="UsageException">The database is not a store, or was written by a newer build.</exception>
    /// <exception cref="StoreUnavailableException">A database server that cannot be reached, or refuses the login.</exception>
    public static TrackingStore Open(StoreLocation location) => Open(location, TimeProvider.System, StoreSchema.Migrations);

    /// <summary>Opens the folder store in <paramref name="directory"/> (<c>mlops.db</c> in it), creating it or bringing its schema up to date.</summary>
    /// <exception cref="UsageException">The database is not a store, or was written by a newer build.</exception>
    public static TrackingStore Open(string directory) => Open(StoreLocation.InFolder(directory));

    /// <summary>Opens a folder store with a given clock and schema (tests).</summary>
    internal static TrackingStore Open(string directory, TimeProvider time, IReadOnlyList<StoreMigration> migrations) =>
        Open(StoreLocation.InFolder(directory), time, migrations);

    /// <summary>Opens with a given clock and schema (tests).</summary>
    internal static TrackingStore Open(StoreLocation location, TimeProvider time, IReadOnlyList<StoreMigration> migrations)
    {
        System.IO.Directory.CreateDirectory(location.Folder);
        var engine = StoreEngine.For(location);
        DbConnection? connection = null;
        try
        {
            connection = engine.Connect();
            StoreSchema.Migrate(engine, connection, migrations);
            var store = new StoreConnection(engine, location.Folder, connection, time);
            store.Artifacts = new ArtifactRoot(SettleArtifactRoot(store, location));

            return new TrackingStore(location, store);
        }
        catch (Exception error) when (engine.Explain(error, "opening the tracking store") is { } explained)
        {
            connection?.Dispose();
            throw explained;
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>The connection its parts share, for work that spans them (<see cref="StoreCopy"/>).</summary>
    internal StoreConnection Connection => connection;

    /// <summary>The store's artifact root, or null when this machine's folder is the only copy.</summary>
    public string? ArtifactRoot => connection.Artifacts.Display;

    /// <summary><c>ok</c> for a sound database, else the problems found, one a line (SQLite's <c>PRAGMA integrity_check</c>).</summary>
    public string IntegrityCheck() => connection.IntegrityCheck();

    /// <summary>Closes the database.</summary>
    public void Dispose() => connection.Dispose();

    // The first build that names a root records it; every later one uses it, and one naming another root is refused rather than
    // splitting the store's artifacts between two places. Only recording takes the writer lock.
    private static string? SettleArtifactRoot(StoreConnection store, StoreLocation location)
    {
        const string Read = "SELECT value FROM store_settings WHERE key = @key";
        var key = ("@key", (object?)Tracking.ArtifactRoot.Setting);
        var recorded = store.Read(() => (string?)store.Scalar(Read, key));
        if (recorded is null && location.Artifacts is { } given)
        {
            recorded = store.Write(() =>
            {
                store.Execute("INSERT INTO store_settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING", key, ("@value", given));
                return (string?)store.Scalar(Read, key);
            });
        }

        if (location.Artifacts is { } named && recorded is not null && named != recorded)
        {
            throw new UsageException($"{location.Display} keeps its artifacts in {recorded}, but {StoreLocation.ArtifactsVariable} names {named}; " +
                $"unset {StoreLocation.ArtifactsVariable}, or set it to {recorded}.");
        }

        return recorded is null ? null : CheckedFolderRoot(recorded, named: location.Artifacts is not null, location.Display);
    }

    // A folder root is a path every machine must see alike (a shared mount). Made when named; when only recorded, it must be there already:
    // creating it would put this machine's artifacts where no other machine looks, and find none of theirs.
    private static string CheckedFolderRoot(string root, bool named, string store)
    {
        if (root.Contains("://", StringComparison.Ordinal))
        {
            return root;
        }

        if (named)
        {
            System.IO.Directory.CreateDirectory(root);
        }
        else if (!System.IO.Directory.Exists(root))
        {
            throw new UsageException($"{store} keeps its artifacts in {root}, which does not exist on this machine: mount the shared folder there " +
                $"(without it no other machine's artifacts can be found), or set {StoreLocation.ArtifactsVariable}={root} to make it here.");
        }

        return root;
    }
}
