using System.Globalization;
using Npgsql;
using NUnit.Framework;

namespace MlOps.Testing;

/// <summary>
/// A real PostgreSQL server (Debian's postgresql-15, the highest version in /usr/lib/postgresql) on a free
/// 127.0.0.1 port, its data and socket in a temp folder; each test takes a database of its own with
/// <see cref="CreateDatabaseAsync"/>. One server serves a whole test process (<see cref="StartAsync"/>), so
/// that test assemblies run side by side each have theirs. User <see cref="User"/> is trusted; user
/// <see cref="SecretUser"/> must give <see cref="SecretPassword"/> over TCP (scram-sha-256), for the tests of password
/// handling. initdb refuses root, so as root the server runs as user postgres. A watchdog shell stops the server
/// and deletes the folder once this process ends, however it ends. Without the programs the calling test is
/// ignored with the reason, unless MLOPS_REQUIRE_POSTGRES=1 (as in CI), which makes that a failure.
/// </summary>
public sealed class LoopbackPostgres : IAsyncDisposable
{
    public const string Programs = "/usr/lib/postgresql";

    /// <summary>The superuser initdb creates, trusted from 127.0.0.1 without a password.</summary>
    public const string User = "mlops";

    /// <summary>A user with LOGIN and CREATEDB who must authenticate with <see cref="SecretPassword"/>.</summary>
    public const string SecretUser = "secret";

    public const string SecretPassword = "loopback-Secret-7";

    private static readonly Lazy<Task<LoopbackPostgres>> Shared = new(StartSharedAsync);

    private readonly PostgresFolder folder;
    private readonly NpgsqlDataSource admin;
    private readonly bool shared;

    private LoopbackPostgres(PostgresFolder folder, int port, bool shared)
    {
        this.folder = folder;
        this.shared = shared;
        Port = port;
        admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
    }

    public int Port { get; }

    /// <summary>The major version the server runs, e.g. 15.</summary>
    public int Version => folder.Version;

    /// <summary>
    /// This test process's server, started by the first caller; disposing it does nothing, as it is stopped when the process
    /// exits.
    /// </summary>
    public static Task<LoopbackPostgres> StartAsync() => Shared.Value;

    /// <summary>A server of the caller's own, for a test that stops it; disposing it stops it and deletes its folder.</summary>
    public static Task<LoopbackPostgres> StartOwnAsync() => StartServerAsync(shared: false);

    /// <summary>Creates an empty database <c>t_&lt;guid&gt;</c> owned by <see cref="User"/>; disposing it drops it.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var create = admin.CreateCommand($"CREATE DATABASE \"{name}\"");
        await create.ExecuteNonQueryAsync();
        return new TestDatabase(name, Port, ConnectionString(name), DropDatabaseAsync);
    }

    /// <summary>Npgsql's keyword form for <paramref name="database"/> as <see cref="User"/>.</summary>
    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={User};Database={database}");

    public async ValueTask DisposeAsync()
    {
        if (!shared)
        {
            await StopAsync();
        }
    }

    private static async Task<LoopbackPostgres> StartSharedAsync()
    {
        var server = await StartServerAsync(shared: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static async Task<LoopbackPostgres> StartServerAsync(bool shared)
    {
        var bin = PostgresFolder.FindPrograms();
        if (bin is null)
        {
            var reason = $"{Programs}/<version>/bin/initdb is absent; install Debian's postgresql-15 package for the PostgreSQL tests.";
            if (Environment.GetEnvironmentVariable("MLOPS_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail($"MLOPS_REQUIRE_POSTGRES=1 but {reason}");
            }

            Assert.Ignore(reason);
        }

        var folder = await PostgresFolder.CreateAsync(bin!);
        try
        {
            await folder.InitializeAsync(User, hba: $"""
                local all all trust
                host all {SecretUser} 127.0.0.1/32 scram-sha-256
                host all all 127.0.0.1/32 trust
                """);
            var server = new LoopbackPostgres(folder, await folder.StartAsync(), shared);
            await using var role = server.admin.CreateCommand($"CREATE ROLE {SecretUser} LOGIN CREATEDB PASSWORD '{SecretPassword}'");
            await role.ExecuteNonQueryAsync();
            return server;
        }
        catch
        {
            await folder.DisposeAsync();
            throw;
        }
    }

    private async Task DropDatabaseAsync(TestDatabase database)
    {
        using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{database.Name}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }

    private async ValueTask StopAsync()
    {
        await admin.DisposeAsync();
        await folder.DisposeAsync();
    }
}
