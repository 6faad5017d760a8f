using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class DeploymentHistoryEndsTests(Engine engine)
{
    private static DeploymentRecord Deployed(TestStore fixture, int version, long? replaces = null, bool serving = true) =>
        fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(version, serving: serving, replaces: replaces), null);

    [Test]
    public void Should_Serve_Nothing_Once_The_Serving_Deployment_Is_Ended_Not_What_It_Replaced()
    {
        // Given: v2 replaced v1 in local; docker serves v1
        using var fixture = new TestStore(engine);
        fixture.Register();
        fixture.Register();
        var second = Deployed(fixture, 2, Deployed(fixture, 1).Id);
        var docker = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1, environment: "docker"), null);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        // When
        var end = fixture.Store.Deployments.RecordEnd(second.Id, "ci", "undeployed");

        // Then
        Assert.That(end, Is.EqualTo(new DeploymentEnd(second.Id, TestStore.Start.AddMinutes(1), "ci", "undeployed")));
        Assert.That(fixture.Store.Deployments.CurrentDeployment("credit-scoring", "local"), Is.Null);
        Assert.That(fixture.Store.Deployments.CurrentDeployment("credit-scoring", "docker")!.Id, Is.EqualTo(docker.Id));
        Assert.That(fixture.Store.Deployments.EndOf(second.Id), Is.EqualTo(end));
        Assert.That(fixture.Store.Deployments.Of("credit-scoring", "local"), Has.Count.EqualTo(2), "the history keeps every deployment");
    }

    [Test]
    public void Should_Serve_The_Next_Deployment_After_An_End()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        var first = Deployed(fixture, 1);
        fixture.Store.Deployments.RecordEnd(first.Id, "ci", "undeployed");

        // When
        var next = Deployed(fixture, 1);

        // Then
        Assert.That(fixture.Store.Deployments.CurrentDeployment("credit-scoring", "local")!.Id, Is.EqualTo(next.Id));
        Assert.That(fixture.Store.Deployments.EndOf(next.Id), Is.Null);
    }

    [Test]
    public void Should_Keep_The_First_End_When_Ended_Again()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        var deployment = Deployed(fixture, 1);
        var first = fixture.Store.Deployments.RecordEnd(deployment.Id, "ci", "undeployed");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        // When
        var again = fixture.Store.Deployments.RecordEnd(deployment.Id, "someone else", "undeployed");

        // Then
        Assert.That(again, Is.EqualTo(first));
        Assert.That(fixture.Sql("SELECT count(*) FROM deployment_ends"), Is.EqualTo(1));
    }

    [Test]
    public void Should_Refuse_To_End_A_Deployment_That_Never_Served()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        var failed = Deployed(fixture, 1, serving: false);

        // When
        var refused = Assert.Throws<UsageException>(() => fixture.Store.Deployments.RecordEnd(failed.Id, "ci", "undeployed"));

        // Then
        Assert.That(refused!.Message, Is.EqualTo($"Deployment {failed.Id} did not serve, so it cannot be ended."));
    }

    [TestCase("UPDATE deployment_ends SET reason = 'changed'")]
    [TestCase("DELETE FROM deployment_ends")]
    public void Should_Keep_Ends_Append_Only(string sql)
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        fixture.Store.Deployments.RecordEnd(Deployed(fixture, 1).Id, "ci", "undeployed");

        // When, Then
        Assert.That(() => fixture.Sql(sql), Throws.Exception.With.Message.Contains("deployment_ends is append-only: an ended deployment stays ended"));
    }

    [Test]
    public void Should_Bring_A_Store_Of_Schema_5_Up_To_Date_And_Keep_Serving_Its_Deployment()
    {
        // Given: a store as the build before Undeploy left it
        using var fixture = new TestStore(engine);
        fixture.Register();
        var deployment = Deployed(fixture, 1);
        fixture.Sql("DROP TABLE store_settings; DROP TABLE deployment_ends");
        fixture.SetSchemaVersion(5);

        // When
        var store = fixture.Reopen();

        // Then
        Assert.That(fixture.SchemaVersion, Is.EqualTo(StoreSchema.Migrations.Count));
        Assert.That(store.Deployments.CurrentDeployment("credit-scoring", "local")!.Id, Is.EqualTo(deployment.Id));
    }
}
