using System.Data.Common;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// The store's one connection, shared by its parts (<see cref="RunLog"/>, <see cref="ModelRegistry"/>,
/// <see cref="DeploymentHistory"/>): transactions, commands, the clock and the conversion of times to unix milliseconds.
/// </summary>
internal sealed class StoreConnection(StoreEngine engine, string directory, DbConnection connection, TimeProvider time) : IDisposable
{
    private DbTransaction? transaction;

    /// <summary>The store's local folder (full path), where run artifacts are kept.</summary>
    public string Directory { get; } = directory;

    /// <summary>Where run artifacts are kept for every machine; set once the store has said where (<see cref="TrackingStore.Open(StoreLocation)"/>).</summary>
    public ArtifactRoot Artifacts { get; set; } = new(null);

    /// <summary>The database as it may be shown (no password).</summary>
    public string Database => engine.Display;

    public static long Milliseconds(DateTimeOffset moment) => moment.ToUnixTimeMilliseconds();

    public static DateTimeOffset Moment(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    // Reads see one snapshot; read-then-write work takes the store's writer lock up front (StoreEngine.Begin).
    public T Read<T>(Func<T> work) => InTransaction(write: false, work);

    public T Write<T>(Func<T> work) => InTransaction(write: true, work);

    public void Write(Action work) => InTransaction(write: true, () =>
    {
        work();
        return true;
    });

    public int Execute(string sql, params (string Name, object? Value)[] parameters) => Explained(() =>
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    });

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters) => Explained(() =>
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    });

    public List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters) => Explained(() =>
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    });

    /// <summary>Closes the database.</summary>
    public void Dispose()
    {
        connection.Dispose();
        Artifacts.Dispose();
    }

    public string IntegrityCheck() => engine.IntegrityCheck(connection);

    // The commands and readers are System.Data.Common's, so the queries do not name the engine.
    private T InTransaction<T>(bool write, Func<T> work)
    {
        if (transaction is not null)
        {
            return work();
        }

        try
        {
            using var started = engine.Begin(connection, write);
            transaction = started;
            var result = work();
            started.Commit();
            return result;
        }
        catch (Exception error) when (engine.Explain(error, write ? "writing to the tracking store" : "reading the tracking store") is { } explained)
        {
            throw explained;
        }
        finally
        {
            transaction = null;
        }
    }

    // A statement on its own (autocommit: a run's start and end, a server's start) reads the engine's errors as a transaction does.
    private T Explained<T>(Func<T> work)
    {
        if (transaction is not null)
        {
            return work();
        }

        try
        {
            return work();
        }
        catch (Exception error) when (engine.Explain(error, "using the tracking store") is { } explained)
        {
            throw explained;
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
