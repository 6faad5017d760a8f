using MlOps.Tasks.ServerProcesses;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>A team store that cannot be used, as a build meets it: one line naming the URI (never the password), what was being done, and the exit code.</summary>
public sealed class TeamStoreFailureProgramTests
{
    [Test]
    public void Should_Exit_1_Naming_The_Uri_When_No_Server_Answers()
    {
        // Given
        using var build = new BuildProgram();
        var port = LoopbackPort.Free();

        // When
        var result = build.Run("--target=Models", $"--store=postgresql://ci@127.0.0.1:{port}/mlops");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Errors);
        Assert.That(ErrorLines(result), Has.Length.EqualTo(1));
        Assert.That(ErrorLines(result)[0], Does.StartWith($"Error: Cannot reach postgresql://ci@127.0.0.1:{port}/mlops while opening the tracking store: "));
    }

    [Test]
    public async Task Should_Exit_1_Without_Showing_A_Wrong_Password()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();
        using var build = new BuildProgram();
        build.Environment["PGPASSWORD"] = "not-the-password";
        build.Environment["PGPASSFILE"] = "/dev/null";

        // When
        var result = build.Run("--target=Models", $"--store=postgresql://{LoopbackPostgres.SecretUser}@127.0.0.1:{server.Port}/postgres");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Errors);
        Assert.That(result.Output + result.Errors, Does.Contain("the server refused the login").And.Not.Contain("not-the-password"));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Should_Take_The_Password_From_A_Pgpass_File()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();
        await using var database = await server.CreateDatabaseAsync();
        using var build = new BuildProgram();
        var pgpass = build.Repository.Write("secrets/pgpass", $"127.0.0.1:{server.Port}:*:{LoopbackPostgres.SecretUser}:{LoopbackPostgres.SecretPassword}\n");
        File.SetUnixFileMode(pgpass, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        build.Environment["PGPASSFILE"] = pgpass;
        await Grant(database, $"GRANT CREATE ON SCHEMA public TO {LoopbackPostgres.SecretUser}");

        // When
        var result = build.Run("--target=Models", $"--store=postgresql://{LoopbackPostgres.SecretUser}@127.0.0.1:{server.Port}/{database.Name}");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain($"postgresql://secret@127.0.0.1:{server.Port}/{database.Name}"));
    }

    [Test]
    public void Should_Exit_2_When_The_Password_Is_On_The_Command_Line()
    {
        // Given
        using var build = new BuildProgram();

        // When
        var result = build.Run("--target=Models", "--store=postgresql://ci:hunter2@127.0.0.1:1/mlops");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Output + result.Errors, Does.Contain("--store=postgresql://ci:***@127.0.0.1:1/mlops holds a password").And.Not.Contain("hunter2"));
    }

    [Test]
    public async Task Should_Exit_2_When_Train_Has_Only_A_Development_Key_For_A_Team_Store()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();
        await using var database = await server.CreateDatabaseAsync();
        using var build = BuildProgram.QuickSample();
        build.Environment["MLOPS_STORE"] = database.Uri.ToString();

        // When
        var result = build.Run("--target=Train");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Output + result.Errors, Does.Contain($"{database.Uri} is a team store, which needs the team's signing key: set MLOPS_SIGNING_KEY"));
        Assert.That(Directory.Exists(build.Repository[".mlops/keys"]), Is.False, "no development key was made");
    }

    [Test]
    public async Task Should_Exit_2_Saying_What_To_Grant_When_The_User_Cannot_Create_The_Tables()
    {
        // Given: a user the database does not let create tables
        var server = await LoopbackPostgres.StartAsync();
        await using var database = await server.CreateDatabaseAsync();
        using var build = new BuildProgram();
        build.Environment["PGPASSWORD"] = LoopbackPostgres.SecretPassword;

        // When
        var result = build.Run("--target=Models", $"--store=postgresql://{LoopbackPostgres.SecretUser}@127.0.0.1:{server.Port}/{database.Name}");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(ErrorLines(result), Is.EqualTo(new[]
        {
            $"Error: postgresql://secret@127.0.0.1:{server.Port}/{database.Name}: permission denied for schema public while opening the tracking store; " +
            "the store's user needs CREATE on the database's schema for the first build (the tables), then SELECT, INSERT and UPDATE on them: " +
            "GRANT them, or run the first build as the database's owner.",
        }));
    }

    private static async Task Grant(TestDatabase database, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string[] ErrorLines(BuildProgram.Result result) =>
        [.. (result.Output + result.Errors).Split('\n').Where(line => line.StartsWith("Error:", StringComparison.Ordinal))];
}
