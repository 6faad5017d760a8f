using Npgsql;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>A database of its own on the test PostgreSQL server, dropped on dispose. (Interim: the server is MLOPS_TEST_POSTGRES.)</summary>
internal sealed class TestPostgresDatabase : IDisposable
{
    private readonly string server;

    private TestPostgresDatabase(string server, string name)
    {
        this.server = server;
        Name = name;
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        ConnectionString = builder.ConnectionString;
        Uri = $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{name}";
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public string Uri { get; }

    public static TestPostgresDatabase Create()
    {
        var server = Environment.GetEnvironmentVariable("MLOPS_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=mlops;Database=postgres";
        var database = new TestPostgresDatabase(server, $"t_{Guid.NewGuid():N}");
        Execute(server, $"CREATE DATABASE {database.Name}");
        return database;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
