using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MlOps.Tasks.Tracking;

/// <summary>One SQLite file (WAL, synchronous FULL): the schema version is <c>PRAGMA user_version</c>; the writer lock is <c>BEGIN IMMEDIATE</c>.</summary>
internal sealed class SqliteEngine(string path) : StoreEngine
{
    private const int SqliteNotADatabase = 26;

    public override string Display => path;

    public override DbConnection Connect()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
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
            Run(connection, null, "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Reads are deferred (a snapshot from their first read); read-then-write work takes the write lock up front (BEGIN IMMEDIATE),
    // so that it waits for other writers instead of failing when it upgrades.
    public override DbTransaction Begin(DbConnection connection, bool write) => ((SqliteConnection)connection).BeginTransaction(deferred: !write);

    public override bool Exists() => File.Exists(path);

    public override int SchemaVersion(DbConnection connection, DbTransaction? transaction) =>
        Convert.ToInt32(Run(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);

    public override string RecordSchemaVersion(int version) => $"PRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)}";

    public override string Sql(StoreMigration migration) => migration.Sqlite;

    public override string IntegrityCheck(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    public override Exception? Explain(Exception error, string doing) => error is SqliteException { SqliteErrorCode: SqliteNotADatabase }
        ? new UsageException($"{path} is not an SQLite database; move it away or choose another store directory.")
        : null;
}
