using MlOps.Tasks.Deployment;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tests.Tracking;

namespace MlOps.Tasks.Tests.Deployment;

/// <summary>Status' line naming where an environment's audit log is.</summary>
public sealed class SurveyedEnvironmentTests
{
    private static SurveyedEnvironment Surveyed(string environment, Tasks.Tracking.DeploymentRecord? current) =>
        new(new EnvironmentStatus(environment, current?.Kind ?? EnvironmentKind.Local, current, current is not null, "healthy"), null, []);

    [Test]
    public void Should_Name_The_Audit_Log_In_The_Deployment_Folder_Relative_To_The_Repository()
    {
        // Given
        var repository = Path.GetFullPath("/repo");
        var current = TestDeployments.Record(2) with { Id = 7, Folder = Path.Combine(repository, ".mlops", "deployments", "local", "k7") };

        // When
        var line = Surveyed("local", current).AuditLog(repository);

        // Then
        Assert.That(line, Is.EqualTo("Audit log of 'local' (deployment 7): .mlops/deployments/local/k7/audit/predictions.jsonl"));
    }

    [Test]
    public void Should_Keep_A_Store_Outside_The_Repository_As_A_Full_Path()
    {
        // Given
        var current = TestDeployments.Record(1) with { Id = 1, Folder = "/var/mlops/deployments/local/k1" };

        // When
        var line = Surveyed("local", current).AuditLog("/repo");

        // Then
        Assert.That(line, Is.EqualTo("Audit log of 'local' (deployment 1): /var/mlops/deployments/local/k1/audit/predictions.jsonl"));
    }

    [Test]
    public void Should_Send_Kubernetes_To_Its_Pods_And_Say_Nothing_Where_Nothing_Is_Deployed()
    {
        // Given
        var cluster = TestDeployments.Record(1, "cluster") with { Id = 4, Kind = EnvironmentKind.Kubernetes };

        // When
        var pods = Surveyed("cluster", cluster).AuditLog("/repo");
        var none = Surveyed("docker", null).AuditLog("/repo");

        // Then
        Assert.That(pods, Is.EqualTo("Audit log of 'cluster' (deployment 4): in each pod, /audit/predictions.jsonl (an emptyDir; copy it out with kubectl cp)"));
        Assert.That(none, Is.Null);
    }
}
