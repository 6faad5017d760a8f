using System.Data.Common;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// What differs between the store's database engines (SQLite, PostgreSQL): connecting, the two kinds of transaction, where the schema
/// version is kept, each migration step's SQL, the integrity check and how the engine's errors read. The queries are the same text on
/// both (<c>@name</c> parameters, standard SQL, upserts that both accept).
/// </summary>
internal abstract class StoreEngine
{
    /// <summary>The database as it may be shown (no password).</summary>
    public abstract string Display { get; }

    /// <summary>The engine for <paramref name="location"/>.</summary>
    public static StoreEngine For(StoreLocation location) => location.Database switch
    {
        SqliteDatabase sqlite => new SqliteEngine(sqlite.Path),
        PostgresDatabase postgres => new PostgresEngine(postgres),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location.Database, "Unknown kind of store database."),
    };

    /// <summary>An open connection, ready for <see cref="Begin"/>.</summary>
    /// <exception cref="StoreUnavailableException">A server that cannot be reached or refuses the login.</exception>
    public abstract DbConnection Connect();

    /// <summary>
    /// A transaction: a read sees one snapshot; a write first takes the store's one writer lock, so that read-then-write work (the next
    /// version number, an alias's previous version) waits for other writers instead of racing them.
    /// </summary>
    public abstract DbTransaction Begin(DbConnection connection, bool write);

    /// <summary>Whether the database exists and holds a store; asking creates nothing.</summary>
    public abstract bool Exists();

    /// <summary>The schema version the database records; 0 for a new one.</summary>
    public abstract int SchemaVersion(DbConnection connection, DbTransaction? transaction);

    /// <summary>The SQL that records <paramref name="version"/> as the schema version, run in the step's transaction.</summary>
    public abstract string RecordSchemaVersion(int version);

    /// <summary>This engine's SQL of <paramref name="migration"/>.</summary>
    public abstract string Sql(StoreMigration migration);

    /// <summary><c>ok</c> for a sound database, else the problems found, one a line.</summary>
    public abstract string IntegrityCheck(DbConnection connection);

    /// <summary>
    /// The error to show for <paramref name="error"/>, which happened while <paramref name="doing"/>: a usage error (not a store) or an
    /// unreachable store; null when it is none of the engine's known failures.
    /// </summary>
    public abstract Exception? Explain(Exception error, string doing);

    /// <summary>
    /// Holds the store-wide lock of deployment environment <paramref name="environment"/> until disposed, so that no other machine using the
    /// store deploys there meanwhile; null while another holds it. Only a shared database has one: an SQLite store is one machine's, whose
    /// environment lock file is enough.
    /// </summary>
    public virtual IDisposable? HoldEnvironment(string environment) => new NothingHeld();

    /// <summary>Runs <paramref name="sql"/> (statements without parameters) in <paramref name="transaction"/>.</summary>
    protected static object? Run(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private sealed class NothingHeld : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
