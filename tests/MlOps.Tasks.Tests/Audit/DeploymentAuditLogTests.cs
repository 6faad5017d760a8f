using MlOps.Tasks.Audit;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tests.Tracking;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Audit;

/// <summary>The log VerifyAudit checks without --log: the current deployment's of an environment, or Serve's.</summary>
public sealed class DeploymentAuditLogTests
{
    [Test]
    public void Should_Find_The_Log_In_The_Folder_Of_The_Deployment_That_Serves_The_Environment()
    {
        // Given: v1 was replaced by v2 in a docker environment
        using var fixture = new TestStore();
        fixture.Register();
        fixture.Register();
        var first = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1, "docker"), alias: null);
        var folder = Path.Combine(fixture.Directory, "deployments", "docker", "k2");
        var second = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(2, "docker", replaces: first.Id) with
        {
            Folder = folder, Kind = EnvironmentKind.Docker, Server = null, Image = "sha256:" + new string('b', 64),
        }, alias: null);

        // When
        var found = DeploymentAuditLog.Find(StoreLocation.InFolder(fixture.Directory), "credit-scoring", "docker", named: true);

        // Then
        Assert.That(found.Log, Is.EqualTo(Path.Combine(folder, "audit", "predictions.jsonl")));
        Assert.That(found.Description, Is.EqualTo($"Deployment 2 to 'docker': credit-scoring v2, key {second.Key}, image sha256:{new string('b', 64)}."));
        Assert.That(found.Note(new AuditLogSummary(found.Log, 3, 1, null, [])), Is.EqualTo("deployment 2 (v2): 3 records, chain intact"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Should_Find_The_Log_Of_The_Last_Deployment_After_Undeploy_Ended_It(bool named)
    {
        // Given: v1 served 'local' and was undeployed; its audit log stays (Prune keeps it too)
        using var fixture = new TestStore();
        fixture.Register();
        var deployment = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1), alias: null);
        fixture.Store.Deployments.RecordEnd(deployment.Id, "ci", "undeployed");

        // When
        var found = DeploymentAuditLog.Find(StoreLocation.InFolder(fixture.Directory), "credit-scoring", "local", named);

        // Then
        Assert.That(found.Log, Is.EqualTo(Path.Combine(deployment.Folder, "audit", "predictions.jsonl")));
        Assert.That(found.Description, Is.EqualTo($"Deployment 1 to 'local' (undeployed since): credit-scoring v1, key {deployment.Key}, a process (no image)."));
    }

    [Test]
    public void Should_Say_A_Local_Deployment_Runs_Without_An_Image()
    {
        // Given
        using var fixture = new TestStore();
        fixture.Register();
        var deployment = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1), alias: null);

        // When
        var found = DeploymentAuditLog.Find(StoreLocation.InFolder(fixture.Directory), "credit-scoring", "local", named: false);

        // Then
        Assert.That(found.Description, Is.EqualTo($"Deployment 1 to 'local': credit-scoring v1, key {deployment.Key}, a process (no image)."));
    }

    [Test]
    public void Should_Fall_Back_To_Serves_Log_When_Nothing_Is_Deployed_And_No_Environment_Was_Named()
    {
        // Given: no store at all
        using var temp = new MlOps.Testing.TempDirectory();
        var store = temp[".mlops"];

        // When
        var found = DeploymentAuditLog.Find(StoreLocation.InFolder(store), "credit-scoring", "local", named: false);

        // Then
        Assert.That(found, Is.EqualTo(new DeploymentAuditLog(AuditLogCheck.DefaultLog(store), null)));
        Assert.That(found.Description, Is.Null);
        Assert.That(store, Does.Not.Exist, "looking does not create a store");
    }

    [Test]
    public void Should_Refuse_A_Named_Environment_Where_Nothing_Is_Deployed()
    {
        // Given
        using var fixture = new TestStore();
        fixture.Register();
        fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1, serving: false), alias: null);

        // When
        var error = Assert.Throws<UsageException>(() => DeploymentAuditLog.Find(StoreLocation.InFolder(fixture.Directory), "credit-scoring", "local", named: true));

        // Then
        Assert.That(error.Message, Is.EqualTo("Nothing is deployed to 'local', so it has no audit log; "
            + "run ./build.sh --target=Deploy --environment=local first, or give a log with --log=<file>."));
    }

    [Test]
    public void Should_Send_A_Kubernetes_Environment_To_Its_Pods()
    {
        // Given
        using var fixture = new TestStore();
        fixture.Register();
        fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1, "cluster") with { Kind = EnvironmentKind.Kubernetes }, alias: null);

        // When
        var error = Assert.Throws<UsageException>(() => DeploymentAuditLog.Find(StoreLocation.InFolder(fixture.Directory), "credit-scoring", "cluster", named: true));

        // Then
        Assert.That(error.Message, Is.EqualTo("'cluster' runs on Kubernetes, where each pod writes its own audit log (/audit/predictions.jsonl, an emptyDir); "
            + "copy one out (kubectl cp <pod>:/audit ./audit) and give it with --log=./audit/predictions.jsonl."));
    }
}
