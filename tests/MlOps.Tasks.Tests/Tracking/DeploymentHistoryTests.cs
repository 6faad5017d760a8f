using System.Data.Common;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class DeploymentHistoryTests(Engine engine)
{
    [Test]
    public void Should_Record_Deployments_In_Order_And_Read_Them_Back_As_Written()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        fixture.Register();

        // When
        var first = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1), "production");
        var second = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(2, replaces: first.Id), "production");

        // Then
        Assert.That(fixture.Store.Deployments.Of("credit-scoring", "local"), Is.EqualTo(new[] { first, second }));
        Assert.That(first with { Id = 0, Deployed = default }, Is.EqualTo(TestDeployments.Record(1) with { Key = first.Key }));
        Assert.That((first.Id, second.Id, first.Deployed), Is.EqualTo((1L, 2L, TestStore.Start)));
        Assert.That(fixture.Store.Deployments.FindDeployment(2), Is.EqualTo(second));
    }

    [Test]
    public void Should_Move_Production_Only_For_A_Deployment_That_Took_Over()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        fixture.Register();
        var serving = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1), "production");

        // When
        fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(2, serving: false, replaces: serving.Id), "production");

        // Then
        Assert.That(fixture.Store.Deployments.CurrentDeployment("credit-scoring", "local"), Is.EqualTo(serving));
        Assert.That(fixture.Store.Registry.FindVersion("credit-scoring", 1)!.Aliases, Does.Contain("production"));
        Assert.That(fixture.Store.Registry.AliasHistory("credit-scoring").Where(m => m.Alias == "production").Select(m => (m.ToVersion, m.Reason)),
            Is.EqualTo(new[] { (1, "deployed to local") }));
    }

    [Test]
    public void Should_Move_No_Alias_For_An_Environment_That_Is_Not_Production()
    {
        // Given: v1 serves the production environment
        using var fixture = new TestStore(engine);
        fixture.Register();
        fixture.Register();
        fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1, "docker"), "production");

        // When
        var local = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(2), alias: null);

        // Then
        Assert.That(fixture.Store.Deployments.CurrentDeployment("credit-scoring", "local"), Is.EqualTo(local));
        Assert.That(fixture.Store.Registry.ResolveVersion("credit-scoring", "production")?.Version, Is.EqualTo(1));
        Assert.That(fixture.Store.Registry.AliasHistory("credit-scoring").Where(m => m.Alias == "production").Select(m => (m.ToVersion, m.Reason)),
            Is.EqualTo(new[] { (1, "deployed to docker") }));
    }

    [Test]
    public void Should_Keep_Environments_Apart()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();

        // When
        var docker = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1, "docker"), "production");

        // Then
        Assert.That(fixture.Store.Deployments.CurrentDeployment("credit-scoring", "local"), Is.Null);
        Assert.That(fixture.Store.Deployments.CurrentDeployment("credit-scoring", "docker"), Is.EqualTo(docker));
    }

    [Test]
    public void Should_Refuse_A_Version_That_Is_Not_Registered()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(7), "production"));

        // Then
        Assert.That(error.Message, Is.EqualTo("Model 'credit-scoring' has no version 7; versions: 1."));
        Assert.That(fixture.Store.Deployments.Of("credit-scoring", "local"), Is.Empty);
    }

    [Test]
    public void Should_Record_A_Server_As_Starting_Before_It_Starts_And_Read_Its_Outcome_Once_Recorded()
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        var deployment = TestDeployments.Record(1);
        var start = new DeploymentStart
        {
            Key = deployment.Key,
            Model = "credit-scoring",
            Environment = "local",
            Kind = EnvironmentKind.Local,
            Action = DeploymentAction.Deploy,
            Version = 1,
            Folder = deployment.Folder,
            Host = "build-host",
        };

        // When
        fixture.Store.Deployments.RecordStart(start);
        var starting = fixture.Store.Deployments.Starts("credit-scoring", "local");
        fixture.Store.Deployments.RecordStartedAs(start.Key, "4242");
        fixture.Store.Deployments.RecordStartedAs(start.Key, "9999");
        var started = fixture.Store.Deployments.Starts("credit-scoring", "local");
        fixture.Store.Deployments.RecordDeployment(deployment, "production");

        // Then
        Assert.That(starting, Is.EqualTo(new[] { start with { Started = TestStore.Start } }));
        Assert.That(started.Select(s => (s.RunsAs, s.State)), Is.EqualTo(new[] { ("4242", DeploymentState.Starting) }), "the first id recorded stays");
        Assert.That(fixture.Store.Deployments.Starts("credit-scoring", "local").Select(s => s.State), Is.EqualTo(new[] { DeploymentState.Serving }));
        Assert.That(fixture.Store.Deployments.Starts("credit-scoring", "docker"), Is.Empty);
    }

    [TestCase("UPDATE deployments SET version = 2")]
    [TestCase("DELETE FROM deployments")]
    public void Should_Keep_The_History_Append_Only(string sql)
    {
        // Given
        using var fixture = new TestStore(engine);
        fixture.Register();
        fixture.Register();
        fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1), "production");

        // When
        var error = Assert.Throws(Is.InstanceOf<DbException>(), () => fixture.Sql(sql));

        // Then
        Assert.That(error!.Message, Does.Contain("deployments is append-only: record a new deployment instead"));
        Assert.That(fixture.Store.Deployments.Of("credit-scoring", "local").Select(d => d.Version), Is.EqualTo(new[] { 1 }));
    }
}
