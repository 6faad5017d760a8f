using Microsoft.Data.Sqlite;
using MlOps.Tasks.Tracking;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>What only an SQLite store does: WAL, <c>PRAGMA user_version</c>, a file that is not a database.</summary>
public sealed class SqliteStoreTests
{
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
