using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// A PostgreSQL database shared by a team. The schema version is the one row of <c>mlops_schema</c>. A write holds a transaction-level
/// advisory lock, taken as its first statement at READ COMMITTED, so every later statement sees what earlier writers committed: the
/// same one-writer-at-a-time contract as SQLite's <c>BEGIN IMMEDIATE</c>, and a killed client's lock goes with its connection.
/// Reads are REPEATABLE READ: one snapshot, as SQLite's deferred transactions.
/// </summary>
internal sealed class PostgresEngine(PostgresDatabase database) : StoreEngine
{
    // Any number would do: the lock is per database, and the store is the only user of its database's advisory locks.
    private const long WriterLock = 0x6D6C6F7073;

    public override string Display => database.Display;

    public override DbConnection Connect()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override DbTransaction Begin(DbConnection connection, bool write)
    {
        var transaction = ((NpgsqlConnection)connection).BeginTransaction(write ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead);
        if (!write)
        {
            return transaction;
        }

        try
        {
            // A writer waits its turn however long the one before it takes (a bundle's upload holds the lock): a lock wait is not a server
            // that does not answer. The lock goes with its holder's connection, so a killed writer never keeps it.
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 0;
            command.CommandText = $"SELECT pg_advisory_xact_lock({WriterLock.ToString(CultureInfo.InvariantCulture)})";
            command.ExecuteNonQuery();
            return transaction;
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    // A session-level advisory lock on a connection of its own, held for the Deploy's life; the server drops it with the connection
    // when the holder is killed. Keyed by the environment's name within a space of the store's own (the two-int form).
    public override IDisposable? HoldEnvironment(string environment)
    {
        var connection = (NpgsqlConnection)Connect();
        try
        {
            using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@space, hashtext(@environment))", connection);
            command.Parameters.AddWithValue("space", EnvironmentLocks);
            command.Parameters.AddWithValue("environment", environment);
            if (command.ExecuteScalar() is true)
            {
                return new HeldEnvironment(connection, environment);
            }

            connection.Dispose();
            return null;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override bool Exists()
    {
        using var connection = Connect();
        return SchemaTableExists(connection, null);
    }

    public override int SchemaVersion(DbConnection connection, DbTransaction? transaction) =>
        SchemaTableExists(connection, transaction)
            ? Convert.ToInt32(Run(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM mlops_schema"), CultureInfo.InvariantCulture)
            : 0;

    public override string RecordSchemaVersion(int version) => $"""
        CREATE TABLE IF NOT EXISTS mlops_schema (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
        INSERT INTO mlops_schema (id, version) VALUES (1, {version.ToString(CultureInfo.InvariantCulture)})
            ON CONFLICT (id) DO UPDATE SET version = excluded.version;
        """;

    public override string Sql(StoreMigration migration) => migration.Postgres;

    // The engine checks its own pages; what is left to ask is whether every constraint holds for the rows already there.
    public override string IntegrityCheck(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT conrelid::regclass::text || ': constraint ' || conname || ' is not validated'
            FROM pg_constraint WHERE NOT convalidated AND connamespace = current_schema()::regnamespace ORDER BY 1
            """;
        using var reader = command.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read())
        {
            problems.Add(reader.GetString(0));
        }

        return problems.Count == 0 ? "ok" : string.Join('\n', problems);
    }

    public override Exception? Explain(Exception error, string doing) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } refused =>
            new StoreUnavailableException(Display, doing,
                $"the server refused the login ({refused.MessageText}); check the user in the URI and the password in PGPASSWORD or the .pgpass file (PGPASSFILE)",
                error),
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied => new UsageException(
            $"{Display}: {denied.MessageText} while {doing}; the store's user needs CREATE on the database's schema for the first build (the tables), " +
            "then SELECT, INSERT and UPDATE on them: GRANT them, or run the first build as the database's owner."),
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } missing =>
            new StoreUnavailableException(Display, doing, $"{missing.MessageText}; create it (createdb) or name another database in the URI", error),
        PostgresException { SqlState: var state } stopped when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal) =>
            new StoreUnavailableException(Display, doing, stopped.MessageText, error),
        PostgresException => null,
        NpgsqlException { InnerException: SocketException socket } => new StoreUnavailableException(Display, doing, socket.Message, error),
        NpgsqlException { InnerException: TimeoutException } => new StoreUnavailableException(Display, doing, "the server did not answer in time", error),
        NpgsqlException { IsTransient: true } lost => new StoreUnavailableException(Display, doing, lost.InnerException?.Message ?? lost.Message, error),
        NpgsqlException { Message: var message } when message.StartsWith("No password has been provided", StringComparison.Ordinal) =>
            new StoreUnavailableException(Display, doing,
                "the server asks for a password and none was given; put it in PGPASSWORD or a .pgpass file (PGPASSFILE)", error),
        _ => null,
    };

    private const int EnvironmentLocks = 0x6D6C6F70;

    // Unlocked before the connection goes back to Npgsql's pool, where a session lock would otherwise outlive its holder.
    private sealed class HeldEnvironment(NpgsqlConnection connection, string environment) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@space, hashtext(@environment))", connection);
                command.Parameters.AddWithValue("space", EnvironmentLocks);
                command.Parameters.AddWithValue("environment", environment);
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and the lock with it.
            }
            finally
            {
                connection.Dispose();
            }
        }
    }

    private static bool SchemaTableExists(DbConnection connection, DbTransaction? transaction) =>
        Run(connection, transaction, "SELECT to_regclass('mlops_schema') IS NOT NULL") is true;
}
