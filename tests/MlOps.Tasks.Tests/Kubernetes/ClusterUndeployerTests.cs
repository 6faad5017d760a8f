using MlOps.Tasks.Kubernetes;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tests.Tracking;
using MlOps.Tasks.Tracking;
using MlOps.Testing.Kubernetes;

namespace MlOps.Tasks.Tests.Kubernetes;

/// <summary>Undeploy's deletes through the real KubernetesClient against <see cref="FakeKubernetesApi"/>, the in-process FAKE API server.</summary>
public sealed class ClusterUndeployerTests
{
    private static readonly ClusterRelease V1 = new("model", 1, new string('1', 64), "mlops/model:v1", "sha256:" + new string('b', 64));

    [Test]
    public async Task Should_Delete_Every_Object_Of_A_Routed_Canary_Environment_With_Autoscaler_And_Budget()
    {
        // Given: what a canary deploy with a route, an autoscaler and a disruption budget leaves, and another app's Deployment beside it
        await using var fake = await FakeKubernetesApi.StartAsync();
        var api = new ClusterApi(fake.Client(), TestKubernetes.Namespace, CancellationToken.None);
        var placement = Placement(RolloutStrategy.Canary);
        foreach (var manifest in ClusterObjects.Serving(placement, V1, ClusterObjects.Colours[0]))
        {
            await api.ApplyAsync(manifest);
        }

        await api.ApplyAsync(TestKubernetes.NewDeployment("other-app", "other:1"));

        // When
        var deleted = await ClusterUndeployer.DeleteAsync(api, placement);

        // Then
        Assert.That(deleted, Is.EqualTo(new[]
        {
            "HTTPRoute ml/model-prod", "Service ml/model-prod", "Service ml/model-prod-stable", "Service ml/model-prod-canary",
            "HorizontalPodAutoscaler ml/model-prod", "PodDisruptionBudget ml/model-prod", "Deployment ml/model-prod-stable",
        }));
        Assert.That(fake.List("deployments", TestKubernetes.Namespace).Select(d => d["metadata"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "other-app" }));
        Assert.That(fake.List("services", TestKubernetes.Namespace), Is.Empty);
        Assert.That(fake.List("httproutes", TestKubernetes.Namespace), Is.Empty);
        Assert.That(fake.List("horizontalpodautoscalers", TestKubernetes.Namespace), Is.Empty);
        Assert.That(fake.List("poddisruptionbudgets", TestKubernetes.Namespace), Is.Empty);
    }

    [Test]
    public async Task Should_Delete_Both_Colours_Of_Blue_Green_And_Nothing_When_Already_Gone()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        var api = new ClusterApi(fake.Client(), TestKubernetes.Namespace, CancellationToken.None);
        var placement = Placement(RolloutStrategy.BlueGreen);
        foreach (var colour in ClusterObjects.Colours)
        {
            foreach (var manifest in ClusterObjects.Serving(placement, V1, colour))
            {
                await api.ApplyAsync(manifest);
            }
        }

        // When
        var deleted = await ClusterUndeployer.DeleteAsync(api, placement);
        var again = await ClusterUndeployer.DeleteAsync(api, placement);

        // Then
        Assert.That(deleted, Has.Member("Deployment ml/model-prod-blue").And.Member("Deployment ml/model-prod-green").And.Member("Service ml/model-prod-preview"));
        Assert.That(again, Is.Empty);
    }

    [Test]
    public async Task Should_Name_The_Object_And_Reason_When_The_API_Refuses_A_Delete()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        var api = new ClusterApi(fake.Client(), TestKubernetes.Namespace, CancellationToken.None);
        fake.Fail("DELETE", "/services/", 403, times: 1, message: "services \"model-prod\" is forbidden: User \"ci\" cannot delete");

        // When
        var failed = await Assert.ThrowsAsync<ClusterException>(() => ClusterUndeployer.DeleteAsync(api, Placement(RolloutStrategy.Rolling)));

        // Then
        Assert.That(failed!.Message, Does.StartWith("Service ml/model-prod: the API server answered 403 Forbidden: services \"model-prod\" is forbidden")
            .And.Contain("grant it a Role"));
    }

    [Test]
    public async Task Should_Delete_The_Sample_Cluster_Environment_Record_Its_End_And_Then_Have_Nothing_To_Undeploy()
    {
        // Given: the sample's canary environment 'cluster' deployed (its objects applied, the deployment recorded), the fake behind a kubeconfig
        await using var fake = await FakeKubernetesApi.StartAsync();
        using var fixture = new TestStore();
        fixture.Register();
        fake.WriteKubeconfig(fixture.Temp["kubeconfig"], token: "test-token");
        using var cluster = ClusterConnection.FromFile(fixture.Temp["kubeconfig"], null);
        var pipeline = PipelineFile.Load(SourceRoot(), "pipelines/credit-scoring.yaml");
        var request = new ClusterRequest
        {
            Workspace = new PipelineWorkspace { Pipeline = pipeline, RepositoryRoot = fixture.Temp.Path, ArtifactsFolder = fixture.Temp["artifacts"] },
            Store = StoreLocation.InFolder(fixture.Directory),
            Environment = "cluster",
            Cluster = cluster,
            By = "ci",
        };
        var api = new ClusterApi(fake.Client(), request.Placement.Namespace, CancellationToken.None);
        foreach (var manifest in ClusterObjects.Serving(request.Placement, V1 with { Model = "credit-scoring" }, ClusterObjects.Colours[0]))
        {
            await api.ApplyAsync(manifest);
        }

        var deployment = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1, environment: "cluster") with
        {
            Kind = EnvironmentKind.Kubernetes,
            RunsAs = "credit-scoring-cluster-stable",
        }, null);

        // When
        var outcome = await ClusterUndeployer.UndeployAsync(request);
        var again = await ClusterUndeployer.UndeployAsync(request);

        // Then
        Assert.That(outcome.Ended!.Id, Is.EqualTo(deployment.Id));
        Assert.That(outcome.End!.EndedBy, Is.EqualTo("ci"));
        Assert.That(outcome.Stopped, Has.Member("Deployment credit-scoring/credit-scoring-cluster-stable").And.Member("PodDisruptionBudget credit-scoring/credit-scoring-cluster"));
        Assert.That(fake.List("deployments", "credit-scoring"), Is.Empty);
        Assert.That(fake.List("services", "credit-scoring"), Is.Empty);
        Assert.That(fixture.Store.Deployments.CurrentDeployment("credit-scoring", "cluster"), Is.Null);
        Assert.That(again, Is.EqualTo(MlOps.Tasks.Deployment.UndeployOutcome.Nothing));
    }

    private static string SourceRoot() => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));

    private static ClusterPlacement Placement(RolloutStrategy strategy) => new()
    {
        Environment = "prod",
        Namespace = TestKubernetes.Namespace,
        Name = "model-prod",
        Port = 8080,
        Settings = new KubernetesSection
        {
            Replicas = 2,
            Strategy = strategy,
            MinAvailable = 1,
            Autoscale = new AutoscaleSection { MinReplicas = 2, MaxReplicas = 4 },
            Route = strategy == RolloutStrategy.Canary ? new RouteSection { Gateway = "gateway" } : null,
        },
    };
}
