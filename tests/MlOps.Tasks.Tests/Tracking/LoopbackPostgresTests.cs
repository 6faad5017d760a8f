using System.Diagnostics;
using MlOps.Testing;
using Npgsql;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>
/// The PostgreSQL fixture the team store's tests will run on: a real server on 127.0.0.1, a database per test, and a user
/// that must give a password.
/// </summary>
public sealed class LoopbackPostgresTests
{
    [Test]
    public async Task Should_Answer_Select_Version_With_PostgreSQL_15_When_A_Test_Takes_A_Database()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();

        // When
        await using var database = await server.CreateDatabaseAsync();
        var version = await ScalarAsync(database.ConnectionString, "SELECT version()");

        // Then
        Assert.That(version, Does.StartWith("PostgreSQL 15."));
        Assert.That(database.ConnectionString, Is.EqualTo($"Host=127.0.0.1;Port={server.Port};Username=mlops;Database={database.Name}"));
        Assert.That(database.Uri.ToString(), Is.EqualTo($"postgresql://mlops@127.0.0.1:{server.Port}/{database.Name}"));
    }

    [Test]
    public async Task Should_Give_Each_Test_A_Database_Of_Its_Own_When_Two_Are_Created()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();
        await using var first = await server.CreateDatabaseAsync();
        await using var second = await server.CreateDatabaseAsync();

        // When
        await ScalarAsync(first.ConnectionString, "CREATE TABLE runs (id text); INSERT INTO runs VALUES ('first')");
        await ScalarAsync(second.ConnectionString, "CREATE TABLE runs (id text); INSERT INTO runs VALUES ('second')");

        // Then
        Assert.That(first.Name, Does.Match("^t_[0-9a-f]{32}$").And.Not.EqualTo(second.Name));
        Assert.That(await ScalarAsync(first.ConnectionString, "SELECT current_database() || ' ' || string_agg(id, ',') FROM runs"),
            Is.EqualTo($"{first.Name} first"));
        Assert.That(await ScalarAsync(second.ConnectionString, "SELECT current_database() || ' ' || string_agg(id, ',') FROM runs"),
            Is.EqualTo($"{second.Name} second"));
    }

    [Test]
    public async Task Should_Drop_The_Database_When_It_Is_Disposed_Though_A_Connection_Is_Open()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();
        var database = await server.CreateDatabaseAsync();
        await using var open = new NpgsqlConnection(database.ConnectionString);
        await open.OpenAsync();

        // When
        await database.DisposeAsync();

        // Then
        await using var other = await server.CreateDatabaseAsync();
        Assert.That(await ScalarAsync(other.ConnectionString, $"SELECT count(*)::text FROM pg_database WHERE datname = '{database.Name}'"),
            Is.EqualTo("0"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(database.ConnectionString, "SELECT 1"));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.InvalidCatalogName));
    }

    [Test]
    public async Task Should_Refuse_The_Secret_User_Without_Its_Password_And_Accept_It_With_The_Password()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();
        await using var database = await server.CreateDatabaseAsync();
        var secret = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = LoopbackPostgres.SecretUser, Passfile = "/dev/null" };
        Assume.That(Environment.GetEnvironmentVariable("PGPASSWORD"), Is.Null, "PGPASSWORD would give Npgsql a password");

        // When
        var none = await Assert.ThrowsAsync<NpgsqlException>(() => ScalarAsync(secret.ConnectionString, "SELECT current_user::text"));
        secret.Password = "wrong";
        var wrong = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(secret.ConnectionString, "SELECT current_user::text"));
        secret.Password = LoopbackPostgres.SecretPassword;
        var user = await ScalarAsync(secret.ConnectionString, "SELECT current_user::text");

        // Then
        Assert.That(none!.Message, Is.EqualTo("No password has been provided but the backend requires one (in SASL/SCRAM-SHA-256)"));
        Assert.That(wrong!.MessageText, Is.EqualTo("password authentication failed for user \"secret\""));
        Assert.That(user, Is.EqualTo("secret"));
    }

    [Test]
    public async Task Should_Stop_An_Own_Server_When_It_Is_Disposed()
    {
        // Given
        var clock = Stopwatch.StartNew();
        var server = await LoopbackPostgres.StartOwnAsync();
        var started = clock.Elapsed;
        var connectionString = server.ConnectionString("postgres");
        var answered = await ScalarAsync(connectionString, "SELECT current_user::text");

        // When
        await server.DisposeAsync();

        // Then
        TestContext.Out.WriteLine($"PostgreSQL {server.Version} started in {started.TotalSeconds:0.0} s");
        Assert.That(answered, Is.EqualTo("mlops"));
        await Assert.ThrowsAsync<NpgsqlException>(() => ScalarAsync(connectionString + ";Pooling=false", "SELECT 1"));
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
