using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// The store's one connection, shared by its parts (<see cref="RunLog"/>, <see cref="ModelRegistry"/>,
/// <see cref="DeploymentHistory"/>): transactions, commands, the clock and the conversion of times to unix milliseconds.
/// </summary>
internal sealed class StoreConnection(string directory, string databasePath, SqliteConnection connection, TimeProvider time) : IDisposable
{
    private DbTransaction? transaction;

    /// <summary>The store's folder (full path).</summary>
    public string Directory { get; } = directory;

    /// <summary>The SQLite database, <c>&lt;Directory&gt;/mlops.db</c>.</summary>
    public string DatabasePath { get; } = databasePath;

    public static long Milliseconds(DateTimeOffset moment) => moment.ToUnixTimeMilliseconds();

    public static DateTimeOffset Moment(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    // Reads see one snapshot (a deferred transaction); read-then-write work takes the write lock up
    // front (BEGIN IMMEDIATE), so that it waits for other writers instead of failing when it upgrades.
    public T Read<T>(Func<T> work) => InTransaction(deferred: true, work);

    public T Write<T>(Func<T> work) => InTransaction(deferred: false, work);

    public void Write(Action work) => InTransaction(deferred: false, () =>
    {
        work();
        return true;
    });

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Closes the database.</summary>
    public void Dispose() => connection.Dispose();

    // BeginTransaction(deferred) is SQLite's; the commands and readers are System.Data.Common's, so the queries do not name the engine.
    private T InTransaction<T>(bool deferred, Func<T> work)
    {
        if (transaction is not null)
        {
            return work();
        }

        using var started = connection.BeginTransaction(deferred);
        transaction = started;
        try
        {
            var result = work();
            started.Commit();
            return result;
        }
        finally
        {
            transaction = null;
        }
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
