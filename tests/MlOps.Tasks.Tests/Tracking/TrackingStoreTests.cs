using Microsoft.Data.Sqlite;
using MlOps.Tasks.Tracking;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Tracking;

public sealed class TrackingStoreTests
{
    private const string AddNoteSql = "ALTER TABLE runs ADD COLUMN note TEXT; UPDATE runs SET note = 'migrated';";

    private static readonly StoreMigration AddNote = new(StoreSchema.Migrations.Count + 1, AddNoteSql, AddNoteSql);

    [Test]
    public void Should_Create_The_Store_In_Wal_Mode_At_The_Latest_Schema_Version()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        using var store = TrackingStore.Open(temp["store"]);

        // Then
        Assert.That(store.Directory, Is.EqualTo(temp["store"]));
        Assert.That(store.Database, Is.EqualTo(temp["store/mlops.db"]));
        Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
        using var connection = new SqliteConnection($"Data Source={store.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT journal_mode FROM pragma_journal_mode) || ' ' || (SELECT user_version FROM pragma_user_version)";
        Assert.That(command.ExecuteScalar(), Is.EqualTo($"wal {StoreSchema.Migrations.Count}"));
    }

    [Test]
    public void Should_Keep_Everything_When_Reopened()
    {
        // Given
        using var fixture = new TestStore();
        var version = fixture.Register();
        fixture.Store.Runs.LogMetric(version.RunId, "auc", 0.83);

        // When
        var store = fixture.Reopen();

        // Then
        Assert.That(store.Runs.FindRun(version.RunId)!.Metrics["auc"], Is.EqualTo(0.83));
        Assert.That(store.Registry.ResolveVersion("credit-scoring", "candidate")?.Version, Is.EqualTo(1));
    }

    [Test]
    public void Should_Apply_A_New_Migration_To_An_Existing_Store_And_Keep_Its_Data()
    {
        // Given
        using var fixture = new TestStore();
        var version = fixture.Register();

        // When
        var store = fixture.Reopen([.. StoreSchema.Migrations, AddNote]);

        // Then
        Assert.That(fixture.Sql("PRAGMA user_version"), Is.EqualTo(StoreSchema.Migrations.Count + 1));
        Assert.That(fixture.Sql($"SELECT note FROM runs WHERE id = '{version.RunId}'"), Is.EqualTo("migrated"));
        Assert.That(store.Registry.FindVersion("credit-scoring", 1)?.RunId, Is.EqualTo(version.RunId));
    }

    [Test]
    public void Should_Leave_The_Store_As_It_Was_When_A_Migration_Fails()
    {
        // Given
        using var fixture = new TestStore();
        var run = fixture.FinishedRun();
        var broken = new StoreMigration(StoreSchema.Migrations.Count + 1, "UPDATE runs SET name = 'changed'; ALTER TABLE no_such_table ADD COLUMN x TEXT;", "");

        // When
        Assert.Throws<SqliteException>(() => fixture.Reopen([.. StoreSchema.Migrations, broken]));

        // Then
        Assert.That(fixture.Sql("PRAGMA user_version"), Is.EqualTo(StoreSchema.Migrations.Count));
        Assert.That(fixture.Reopen().Runs.FindRun(run.Id)!.Name, Is.Null);
    }

    [Test]
    public void Should_Refuse_A_Store_Written_By_A_Newer_Build()
    {
        // Given
        using var fixture = new TestStore();
        fixture.Sql($"PRAGMA user_version = {StoreSchema.Migrations.Count + 2}");

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Reopen());

        // Then
        Assert.That(error.Message, Is.EqualTo(
            $"{fixture.Directory}/mlops.db has schema version {StoreSchema.Migrations.Count + 2}, but this build knows versions up to {StoreSchema.Migrations.Count}; " +
            "update MlOps to use this store, or choose another store directory."));
    }

    [Test]
    public void Should_Refuse_A_File_That_Is_Not_A_Database()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("store/mlops.db", new string('x', 4096));

        // When
        var error = Assert.Throws<UsageException>(() => TrackingStore.Open(temp["store"]));

        // Then
        Assert.That(error.Message, Is.EqualTo($"{temp["store"]}/mlops.db is not an SQLite database; move it away or choose another store directory."));
    }
}
