using MlOps.Tasks.Tracking;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>A PostgreSQL store: the same schema as SQLite's, found without being created, and a server that cannot be used named in one line.</summary>
public sealed class PostgresStoreTests
{
    [Test]
    public void Should_Have_The_Same_Tables_Columns_And_Indexes_As_Sqlite()
    {
        // Given
        using var sqlite = new TestStore(Engine.Sqlite);
        using var postgres = new TestStore(Engine.Postgres);

        // When
        var sqliteColumns = Rows(sqlite, """
            SELECT group_concat(m.name || '.' || c.name || ' ' || lower(c.type) || (CASE WHEN c."notnull" OR c.pk > 0 THEN ' not null' ELSE '' END), ';')
            FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name) m, pragma_table_info(m.name) c
            """);
        var postgresColumns = Rows(postgres, """
            SELECT string_agg(table_name || '.' || column_name || ' ' ||
                (CASE data_type WHEN 'bigint' THEN 'integer' WHEN 'double precision' THEN 'real' ELSE data_type END) ||
                (CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END), ';')
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name <> 'mlops_schema' AND NOT (column_name = 'rowid' AND table_name IN ('runs', 'deployment_starts'))
            """);
        var sqliteIndexes = Rows(sqlite, "SELECT group_concat(name, ';') FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
        var postgresIndexes = Rows(postgres,
            "SELECT string_agg(indexname, ';') FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'");

        // Then
        Assert.That(postgresColumns, Is.EquivalentTo(sqliteColumns));
        Assert.That(postgresIndexes, Is.EquivalentTo(sqliteIndexes));
    }

    [Test]
    public async Task Should_Find_No_Store_In_An_Empty_Database_And_Create_None_By_Looking()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();
        await using var database = await server.CreateDatabaseAsync();
        using var temp = new TempDirectory();
        var location = StoreLocation.Resolve(temp.Path, database.Uri.ToString(), null);

        // When
        var before = TrackingStore.Exists(location);
        var again = TrackingStore.Exists(location);
        TrackingStore.Open(location).Dispose();

        // Then
        Assert.That((before, again, TrackingStore.Exists(location)), Is.EqualTo((false, false, true)));
    }

    [Test]
    public void Should_Name_The_Uri_And_What_It_Was_Doing_When_No_Server_Answers()
    {
        // Given
        using var temp = new TempDirectory();
        var port = LoopbackRegistry.FreePort();
        var location = StoreLocation.Resolve(temp.Path, $"postgresql://ci@127.0.0.1:{port}/mlops", null);

        // When
        var error = Assert.Throws<StoreUnavailableException>(() => TrackingStore.Open(location));

        // Then
        Assert.That(error!.Message, Does.StartWith($"Cannot reach postgresql://ci@127.0.0.1:{port}/mlops while opening the tracking store: "));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public async Task Should_Say_The_Login_Was_Refused_Without_Showing_The_Password()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();
        using var temp = new TempDirectory();
        var wrong = StoreLocation.Resolve(temp.Path, null, $"postgresql://{LoopbackPostgres.SecretUser}:not-it@127.0.0.1:{server.Port}/postgres");
        var right = StoreLocation.Resolve(temp.Path, null,
            $"postgresql://{LoopbackPostgres.SecretUser}:{Uri.EscapeDataString(LoopbackPostgres.SecretPassword)}@127.0.0.1:{server.Port}/postgres");

        // When
        var error = Assert.Throws<StoreUnavailableException>(() => TrackingStore.Exists(wrong));
        var exists = TrackingStore.Exists(right);

        // Then
        Assert.That(error!.Message, Does.StartWith($"Cannot reach postgresql://secret:***@127.0.0.1:{server.Port}/postgres while looking for the tracking store: " +
            "the server refused the login (password authentication failed for user \"secret\"); check the user in the URI and the password in PGPASSWORD"));
        Assert.That(error.Message, Does.Not.Contain("not-it"));
        Assert.That(exists, Is.False);
    }

    [Test]
    public async Task Should_Say_Which_Database_Is_Missing()
    {
        // Given
        var server = await LoopbackPostgres.StartAsync();
        using var temp = new TempDirectory();
        var location = StoreLocation.Resolve(temp.Path, $"postgresql://{LoopbackPostgres.User}@127.0.0.1:{server.Port}/no_such_store", null);

        // When
        var error = Assert.Throws<StoreUnavailableException>(() => TrackingStore.Open(location));

        // Then
        Assert.That(error!.Message, Is.EqualTo($"Cannot reach postgresql://mlops@127.0.0.1:{server.Port}/no_such_store while opening the tracking store: " +
            "database \"no_such_store\" does not exist; create it (createdb) or name another database in the URI"));
    }

    private static string[] Rows(TestStore store, string sql) => ((string)store.Sql(sql)!).Split(';');
}
