using k8s;
using k8s.Models;
using MlOps.Tasks.Kubernetes;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Kubernetes;

/// <summary>
/// The sample pipeline's <c>cluster</c> environment rendered for a fixed release, against golden files in Golden/ (refresh them with
/// <c>MLOPS_UPDATE_GOLDEN=1 dotnet test --filter ClusterManifestsTests</c> and review the diff), and read back as the client's models.
/// </summary>
public sealed class ClusterManifestsTests
{
    private static readonly ClusterRelease Release = new("credit-scoring", 7, new string('a', 64), "127.0.0.1:5000/mlops/credit-scoring@sha256:" + new string('b', 64),
        "sha256:" + new string('b', 64));

    private static string GoldenFolder => Path.Combine(SourceRoot(), "tests", "MlOps.Tasks.Tests", "Kubernetes", "Golden");

    [TestCase(RolloutStrategy.Canary)]
    [TestCase(RolloutStrategy.BlueGreen)]
    [TestCase(RolloutStrategy.Rolling)]
    public void Should_Render_The_Sample_Cluster_As_Its_Golden_Files(RolloutStrategy strategy)
    {
        var objects = ClusterObjects.Serving(Placement(strategy), Release, "green");
        var text = string.Join("---\n", objects.Select(ManifestFiles.Text));
        var golden = Path.Combine(GoldenFolder, $"{strategy.ToString().ToLowerInvariant()}.yaml");
        if (Environment.GetEnvironmentVariable("MLOPS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, text);
        }

        Assert.That(text, Is.EqualTo(File.ReadAllText(golden)), $"{golden} differs; if the change is meant, refresh it (see the class comment) and review the diff.");
    }

    [Test]
    public void Should_Read_Back_As_The_Clients_Typed_Models()
    {
        var objects = ClusterObjects.Serving(Placement(RolloutStrategy.Canary), Release, "blue");
        var deployment = objects.OfType<V1Deployment>().Single();
        var read = KubernetesYaml.Deserialize<V1Deployment>(KubernetesYaml.Serialize(deployment));

        Assert.Multiple(() =>
        {
            Assert.That(read.Metadata.Name, Is.EqualTo("credit-scoring-cluster-stable"));
            Assert.That(read.Metadata.NamespaceProperty, Is.EqualTo("credit-scoring"));
            Assert.That(read.Spec.Replicas, Is.EqualTo(3));
            Assert.That(read.Spec.Selector.MatchLabels, Is.EqualTo(read.Spec.Template.Metadata.Labels.Where(l => read.Spec.Selector.MatchLabels.ContainsKey(l.Key))));
            Assert.That(read.Spec.Template.Spec.Containers[0].Image, Is.EqualTo(Release.Image));
            Assert.That(read.Spec.Template.Metadata.Annotations[ClusterLabels.ImageDigest], Is.EqualTo(Release.ImageDigest));
            Assert.That(read.Spec.Template.Metadata.Labels[ClusterLabels.Version], Is.EqualTo("7"));
            Assert.That(read.Spec.Template.Spec.Containers[0].Resources.Requests["cpu"].ToString(), Is.EqualTo("250m"));
            Assert.That(read.Spec.Template.Spec.Containers[0].ReadinessProbe.HttpGet.Path, Is.EqualTo("/ready"));
            Assert.That(KubernetesYaml.Deserialize<V1PodDisruptionBudget>(KubernetesYaml.Serialize(objects.OfType<V1PodDisruptionBudget>().Single())).Spec.MinAvailable.Value,
                Is.EqualTo("2"));
        });
    }

    [Test]
    public void Should_Split_A_Route_By_Exact_Weights()
    {
        var placement = Placement(RolloutStrategy.Canary) with { Settings = Placement(RolloutStrategy.Canary).Settings with { Route = new RouteSection { Gateway = "public" } } };
        var route = ClusterObjects.Route(placement, 34);
        var text = KubernetesYaml.Serialize(route);

        Assert.That(text, Does.Contain("name: credit-scoring-cluster-stable").And.Contain("weight: 66").And.Contain("weight: 34").And.Contain("kind: HTTPRoute"));
    }

    private static ClusterPlacement Placement(RolloutStrategy strategy)
    {
        var pipeline = PipelineFile.Load(SourceRoot(), "pipelines/credit-scoring.yaml");
        var placement = ClusterPlacement.Of(pipeline, "cluster", "default");
        return placement with { Settings = placement.Settings with { Strategy = strategy, Steps = [] } };
    }

    private static string SourceRoot() => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));
}
