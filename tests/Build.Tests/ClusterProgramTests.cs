using k8s;
using k8s.Models;

namespace MlOps.Build.Tests;

/// <summary>Deploy to the sample's <c>kubernetes</c> environment as a GitOps user runs it: a dry run, no cluster, a fresh repository.</summary>
public sealed class ClusterProgramTests
{
    [Test]
    public void Should_Write_The_Manifests_Of_A_Kubernetes_Environment_On_A_Dry_Run_Without_A_Cluster()
    {
        // Given
        using var build = new BuildProgram();
        build.CopyFromSource("data.dvc");
        build.Environment["KUBECONFIG"] = build.Repository["no-such-kubeconfig"];

        // When
        var result = build.Run("--target=Deploy", "--environment=cluster", "--dryrun");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        Assert.That(result.Output, Does.Contain("Deploy (plan): the version the tasks before would register to 'cluster' (kubernetes, namespace credit-scoring), "
            + "nothing deployed there yet, by canary: set_weight 34, pause 30 s, analysis, set_weight 67, analysis"));
        var folder = build.Repository["artifacts/credit-scoring/k8s/cluster"];
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "01-service-credit-scoring-cluster.yaml", "02-deployment-credit-scoring-cluster-stable.yaml", "03-poddisruptionbudget-credit-scoring-cluster.yaml" })
                .AsCollection);
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(folder, "02-deployment-credit-scoring-cluster-stable.yaml")));
        Assert.That(deployment.Spec.Replicas, Is.EqualTo(3));
        Assert.That(Directory.Exists(build.Repository[".mlops"]), Is.False, "a dry run creates no store");
    }
}
