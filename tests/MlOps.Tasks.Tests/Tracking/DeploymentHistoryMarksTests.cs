using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class DeploymentHistoryMarksTests(Engine engine)
{
    private static long Deployed(TestStore fixture, int version, long? replaces = null) =>
        fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(version, replaces: replaces), "production").Id;

    [Test]
    public void Should_Mark_A_Version_In_One_Environment_Only()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        fixture.Register();
        var second = Deployed(fixture, 2, Deployed(fixture, 1));
        var rollback = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1, replaces: second, action: DeploymentAction.Rollback), "production");

        // When
        var mark = fixture.Store.Deployments.Mark("credit-scoring", "local", 2, rollback.Id, "ci");

        // Then
        Assert.That(mark, Is.EqualTo(new VersionMark("credit-scoring", "local", 2, rollback.Id, TestStore.Start, "ci")));
        Assert.That(fixture.Store.Deployments.MarkOf("credit-scoring", "local", 2), Is.EqualTo(mark));
        Assert.That(fixture.Store.Deployments.MarkOf("credit-scoring", "local", 1), Is.Null);
        Assert.That(fixture.Store.Deployments.MarkOf("credit-scoring", "docker", 2), Is.Null);
    }

    [Test]
    public void Should_Keep_The_First_Mark_When_Marked_Again()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        var first = fixture.Store.Deployments.Mark("credit-scoring", "local", 1, Deployed(fixture, 1), "ci");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        // When
        var again = fixture.Store.Deployments.Mark("credit-scoring", "local", 1, Deployed(fixture, 1), "someone else");

        // Then
        Assert.That(again, Is.EqualTo(first));
        Assert.That(fixture.Sql("SELECT count(*) FROM version_marks"), Is.EqualTo(1));
    }

    [Test]
    public void Should_Clear_A_Mark_And_Keep_It_In_The_History()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        var mark = fixture.Store.Deployments.Mark("credit-scoring", "local", 1, Deployed(fixture, 1), "ci");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        // When
        var cleared = fixture.Store.Deployments.ClearMark("credit-scoring", "local", 1);
        var clearedAgain = fixture.Store.Deployments.ClearMark("credit-scoring", "local", 1);

        // Then
        Assert.That(cleared, Is.EqualTo(mark));
        Assert.That(clearedAgain, Is.Null);
        Assert.That(fixture.Store.Deployments.MarkOf("credit-scoring", "local", 1), Is.Null);
        Assert.That(fixture.Sql("SELECT cleared_ms - marked_ms FROM version_marks"), Is.EqualTo(60_000));
        Assert.That(() => fixture.Sql("DELETE FROM version_marks"), Throws.Exception.With.Message.Contains("clear a mark instead"));
    }

    [Test]
    public void Should_Bring_A_Store_Of_Schema_4_Up_To_Date_And_Keep_Its_Deployments()
    {
        // Given: a store as the build before marks left it
        using var fixture = new TestStore(engine);
        fixture.Register();
        var deployment = Deployed(fixture, 1);
        fixture.Sql("DROP TABLE store_settings; DROP TABLE deployment_ends; DROP TABLE version_marks");
        fixture.SetSchemaVersion(4);

        // When
        var store = fixture.Reopen();
        var mark = store.Deployments.Mark("credit-scoring", "local", 1, deployment, "ci");

        // Then
        Assert.That(fixture.SchemaVersion, Is.EqualTo(StoreSchema.Migrations.Count));
        Assert.That(store.Deployments.FindDeployment(deployment)!.Version, Is.EqualTo(1));
        Assert.That(store.Deployments.MarkOf("credit-scoring", "local", 1), Is.EqualTo(mark));
    }
}
