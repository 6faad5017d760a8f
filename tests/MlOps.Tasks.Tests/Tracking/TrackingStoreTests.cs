using System.Data.Common;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class TrackingStoreTests(Engine engine)
{
    private const string AddNoteSql = "ALTER TABLE runs ADD COLUMN note TEXT; UPDATE runs SET note = 'migrated';";

    private static readonly StoreMigration AddNote = new(StoreSchema.Migrations.Count + 1, AddNoteSql, AddNoteSql);


    [Test]
    public void Should_Keep_Everything_When_Reopened()
    {
        // Given
        using var fixture = new TestStore(engine);
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
        using var fixture = new TestStore(engine);
        var version = fixture.Register();

        // When
        var store = fixture.Reopen([.. StoreSchema.Migrations, AddNote]);

        // Then
        Assert.That(fixture.SchemaVersion, Is.EqualTo(StoreSchema.Migrations.Count + 1));
        Assert.That(fixture.Sql($"SELECT note FROM runs WHERE id = '{version.RunId}'"), Is.EqualTo("migrated"));
        Assert.That(store.Registry.FindVersion("credit-scoring", 1)?.RunId, Is.EqualTo(version.RunId));
    }

    [Test]
    public void Should_Leave_The_Store_As_It_Was_When_A_Migration_Fails()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.FinishedRun();
        const string Broken = "UPDATE runs SET name = 'changed'; ALTER TABLE no_such_table ADD COLUMN x TEXT;";
        var broken = new StoreMigration(StoreSchema.Migrations.Count + 1, Broken, Broken);

        // When
        Assert.Throws(Is.InstanceOf<DbException>(), () => fixture.Reopen([.. StoreSchema.Migrations, broken]));

        // Then
        Assert.That(fixture.SchemaVersion, Is.EqualTo(StoreSchema.Migrations.Count));
        Assert.That(fixture.Reopen().Runs.FindRun(run.Id)!.Name, Is.Null);
    }

    [Test]
    public void Should_Refuse_A_Store_Written_By_A_Newer_Build()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.SetSchemaVersion(StoreSchema.Migrations.Count + 2);

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Reopen());

        // Then
        Assert.That(error.Message, Is.EqualTo(
            $"{fixture.Location.Display} has schema version {StoreSchema.Migrations.Count + 2}, but this build knows versions up to {StoreSchema.Migrations.Count}; " +
            "update MlOps to use this store, or choose another store directory."));
    }
}
