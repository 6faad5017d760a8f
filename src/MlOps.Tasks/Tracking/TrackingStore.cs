using Microsoft.Data.Sqlite;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// Experiment tracking and model registry in the manner of MLflow, embedded: an SQLite database
/// <c>&lt;directory&gt;/mlops.db</c> with artifacts on disk under <c>&lt;directory&gt;/artifacts/&lt;run id&gt;/</c>.
/// Several processes may use one store at once: every read-then-write happens in one
/// <c>BEGIN IMMEDIATE</c> transaction, and a killed process leaves no partial write behind.
/// An instance holds one connection, which its parts share, and is not thread-safe; open one per thread.
/// </summary>
public sealed class TrackingStore : IDisposable
{
    private const int SqliteNotADatabase = 26;
    private readonly StoreConnection connection;

    private TrackingStore(StoreConnection connection)
    {
        this.connection = connection;
        Runs = new RunLog(connection);
        Registry = new ModelRegistry(connection, Runs);
        Deployments = new DeploymentHistory(connection, Registry);
    }

    /// <summary>The store's folder (full path).</summary>
    public string Directory => connection.Directory;

    /// <summary>The SQLite database, <c>&lt;Directory&gt;/mlops.db</c>.</summary>
    public string DatabasePath => connection.DatabasePath;

    /// <summary>The runs: their params, metrics, tags and artifacts.</summary>
    public RunLog Runs { get; }

    /// <summary>The model registry: registered models, their versions and aliases.</summary>
    public ModelRegistry Registry { get; }

    /// <summary>The deployment history: deployments and the servers started for them.</summary>
    public DeploymentHistory Deployments { get; }

    /// <summary>Whether <paramref name="location"/> holds a store: asking must not create one (a dry run, a fresh repository).</summary>
    public static bool Exists(StoreLocation location) => location.Database switch
    {
        SqliteDatabase sqlite => File.Exists(sqlite.Path),
        _ => throw new UsageException($"{location.Display}: PostgreSQL stores are not built yet."),
    };

    /// <summary>Opens the store at <paramref name="location"/>, creating it or bringing its schema up to date.</summary>
    /// <exception cref="UsageException">The database is not a store, or was written by a newer build.</exception>
    public static TrackingStore Open(StoreLocation location) => location.Database switch
    {
        SqliteDatabase sqlite => Open(location.Folder, sqlite.Path, TimeProvider.System, StoreSchema.Migrations),
        _ => throw new UsageException($"{location.Display}: PostgreSQL stores are not built yet."),
    };

    /// <summary>Opens the folder store in <paramref name="directory"/> (<c>mlops.db</c> in it), creating it or bringing its schema up to date.</summary>
    /// <exception cref="UsageException">The database is not a store, or was written by a newer build.</exception>
    public static TrackingStore Open(string directory) => Open(StoreLocation.InFolder(directory));

    /// <summary>Opens with a given clock and schema (tests).</summary>
    internal static TrackingStore Open(string directory, TimeProvider time, IReadOnlyList<StoreMigration> migrations) =>
        Open(Path.GetFullPath(directory), Path.Combine(Path.GetFullPath(directory), StoreLocation.DatabaseFile), time, migrations);

    private static TrackingStore Open(string full, string databasePath, TimeProvider time, IReadOnlyList<StoreMigration> migrations)
    {
        System.IO.Directory.CreateDirectory(full);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,

            // Closing the store closes the file; a pooled connection would keep it open.
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();

            // busy_timeout first, so that switching to WAL also waits for other writers (past it,
            // Microsoft.Data.Sqlite retries a busy statement until its 30 s command timeout). WAL lets
            // readers and one writer work at once; FULL makes a commit survive a power cut as well as a kill.
            Execute(connection, "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
            StoreSchema.Migrate(connection, migrations, databasePath);
            return new TrackingStore(new StoreConnection(full, databasePath, connection, time));
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteNotADatabase)
        {
            connection.Dispose();
            throw new UsageException($"{databasePath} is not an SQLite database; move it away or choose another store directory.");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The result of <c>PRAGMA integrity_check</c>: <c>ok</c> for a sound database, else the problems found, one a line.</summary>
    public string IntegrityCheck() =>
        string.Join('\n', connection.Query("PRAGMA integrity_check", row => row.GetString(0)));

    /// <summary>Closes the database.</summary>
    public void Dispose() => connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
