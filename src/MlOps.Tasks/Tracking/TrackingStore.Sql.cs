using Microsoft.Data.Sqlite;

namespace MlOps.Tasks.Tracking;

public sealed partial class TrackingStore
{
    // Reads see one snapshot (a deferred transaction); read-then-write work takes the write lock up
    // front (BEGIN IMMEDIATE), so that it waits for other writers instead of failing when it upgrades.
    private T Read<T>(Func<T> work) => InTransaction(deferred: true, work);

    private T Write<T>(Func<T> work) => InTransaction(deferred: false, work);

    private void Write(Action work) => InTransaction(deferred: false, () =>
    {
        work();
        return true;
    });

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

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
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
}
