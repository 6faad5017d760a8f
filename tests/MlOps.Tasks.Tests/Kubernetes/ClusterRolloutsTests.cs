using MlOps.Tasks.Kubernetes;
using MlOps.Tasks.Pipeline;
using MlOps.Testing.Kubernetes;

namespace MlOps.Tasks.Tests.Kubernetes;

/// <summary>
/// The three strategies driven through the real KubernetesClient against <see cref="FakeKubernetesApi"/>, an in-process FAKE API server
/// (no cluster can run here): its pods become ready after a delay, or crash or hang on demand, and its pod proxy serves test metrics.
/// </summary>
public sealed class ClusterRolloutsTests
{
    private static readonly ClusterRelease V1 = Release(1);
    private static readonly ClusterRelease V2 = Release(2);

    [Test]
    public async Task Should_Roll_Out_And_Then_Update_A_Deployment()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        var placement = Placement(RolloutStrategy.Rolling);

        // When
        var first = await Rollouts(fake, placement, V1, null, null).RollingAsync();
        var second = await Rollouts(fake, placement, V2, V1, first).RollingAsync();

        // Then
        Assert.That(second, Is.EqualTo("model-prod"));
        Assert.That(Image(fake, "model-prod"), Is.EqualTo(V2.Image));
        Assert.That(fake.Get("services", TestKubernetes.Namespace, "model-prod"), Is.Not.Null);
    }

    [Test]
    public async Task Should_Set_A_Stalled_Rolling_Update_Back_To_The_Version_That_Served()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        var placement = Placement(RolloutStrategy.Rolling);
        var first = await Rollouts(fake, placement, V1, null, null).RollingAsync();
        fake.FailPods(DeploymentMatch.ImageContains(V2.Image));

        // When
        var failed = await Assert.ThrowsAsync<ClusterException>(() => Rollouts(fake, placement, V2, V1, first).RollingAsync());

        // Then
        Assert.That(failed!.Message, Does.Contain("stalled (ProgressDeadlineExceeded").And.Contain("CrashLoopBackOff").And.EndWith("the Deployment was set back to v1."));
        Assert.That(Image(fake, "model-prod"), Is.EqualTo(V1.Image));
    }

    [Test]
    public async Task Should_Switch_Blue_Green_Only_Once_The_New_Colour_Is_Ready()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        var placement = Placement(RolloutStrategy.BlueGreen);
        var blue = await Rollouts(fake, placement, V1, null, null).BlueGreenAsync();
        fake.HangPods(DeploymentMatch.ImageContains(V2.Image));
        var hanging = placement with { Settings = placement.Settings with { TimeoutSeconds = 1 } };

        // When
        var failed = await Assert.ThrowsAsync<ClusterException>(() => Rollouts(fake, hanging, V2, V1, blue).BlueGreenAsync());

        // Then
        Assert.That(blue, Is.EqualTo("model-prod-blue"));
        Assert.That(failed!.Message, Does.StartWith("Deployment ml/model-prod-green: 0 of 2 pods available").And.EndWith("green was scaled to 0; blue still serves v1."));
        Assert.That(Selector(fake, "model-prod"), Is.EqualTo("blue"));
        Assert.That(Selector(fake, "model-prod-preview"), Is.EqualTo("green"));
        Assert.That(Replicas(fake, "model-prod-green"), Is.Zero);
    }

    [Test]
    public async Task Should_Switch_Blue_Green_And_Scale_Down_The_Old_Colour()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        var placement = Placement(RolloutStrategy.BlueGreen);
        var blue = await Rollouts(fake, placement, V1, null, null).BlueGreenAsync();

        // When
        var green = await Rollouts(fake, placement, V2, V1, blue).BlueGreenAsync();

        // Then
        Assert.That(green, Is.EqualTo("model-prod-green"));
        Assert.That(Selector(fake, "model-prod"), Is.EqualTo("green"));
        Assert.That(Replicas(fake, "model-prod-blue"), Is.Zero);
        Assert.That(Replicas(fake, "model-prod-green"), Is.EqualTo(2));
    }

    [Test]
    public async Task Should_Promote_A_Canary_Whose_Analysis_Passes()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        fake.PodProxy = ScoringPodMetrics.Responder(failingVersion: null);
        var placement = Placement(RolloutStrategy.Canary);
        var stable = await Rollouts(fake, placement, V1, null, null).CanaryAsync([]);
        var said = new List<string>();

        // When
        var serving = await Rollouts(fake, placement, V2, V1, stable, said.Add).CanaryAsync(Steps());

        // Then
        Assert.That(serving, Is.EqualTo("model-prod-stable"));
        Assert.That(Image(fake, "model-prod-stable"), Is.EqualTo(V2.Image));
        Assert.That(fake.Get("deployments", TestKubernetes.Namespace, "model-prod-canary"), Is.Null);
        Assert.That(said, Has.Some.StartsWith("canary: 1 of 2 pods (50 % of traffic").And.Some.StartsWith("analysis 1 of 1: canary v2 requests"));
    }

    [Test]
    public async Task Should_Abort_A_Canary_With_A_High_Error_Rate_And_Give_Stable_All_Traffic()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        fake.PodProxy = ScoringPodMetrics.Responder(failingVersion: "2");
        var placement = Placement(RolloutStrategy.Canary);
        var stable = await Rollouts(fake, placement, V1, null, null).CanaryAsync([]);

        // When
        var failed = await Assert.ThrowsAsync<QualityGateException>(() => Rollouts(fake, placement, V2, V1, stable).CanaryAsync(Steps()));

        // Then
        Assert.That(failed!.Message, Does.StartWith("The canary v2 failed its analysis (kubernetes.steps[1]): error rate 1 (")
            .And.EndWith("the canary was removed and stable v1 has all traffic again."));
        Assert.That(Image(fake, "model-prod-stable"), Is.EqualTo(V1.Image));
        Assert.That(Replicas(fake, "model-prod-stable"), Is.EqualTo(2));
        Assert.That(fake.Get("deployments", TestKubernetes.Namespace, "model-prod-canary"), Is.Null);
    }

    [Test]
    public async Task Should_Abort_A_Canary_That_Predicts_Positives_Far_More_Often_Than_Stable()
    {
        // Given: the canary answers without errors, but predicts the positive class for 60 % of rows where stable does for 30 %
        await using var fake = await FakeKubernetesApi.StartAsync();
        fake.PodProxy = ScoringPodMetrics.Responder(failingVersion: null, shiftedVersion: "2");
        var placement = Placement(RolloutStrategy.Canary);
        var stable = await Rollouts(fake, placement, V1, null, null).CanaryAsync([]);
        List<CanaryStepSection> steps = [new() { SetWeight = 50 }, new() { Analysis = new AnalysisSection { MaxPositiveRateDifference = 0.1, Interval = 0 } }];

        // When
        var failed = await Assert.ThrowsAsync<QualityGateException>(() => Rollouts(fake, placement, V2, V1, stable).CanaryAsync(steps));

        // Then
        Assert.That(failed!.Message, Does.StartWith(
            "The canary v2 failed its analysis (kubernetes.steps[1]): the canary predicts the positive class for 60.0 % of rows, stable for 30.0 %: more than 10.0 % apart"));
        Assert.That(Image(fake, "model-prod-stable"), Is.EqualTo(V1.Image));
    }

    [Test]
    public async Task Should_Name_The_Resource_And_Reason_When_The_API_Refuses()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        fake.Fail("PATCH", "/deployments/", 403, times: 1, message: "deployments.apps \"model-prod\" is forbidden: User \"ci\" cannot patch");

        // When
        var failed = await Assert.ThrowsAsync<ClusterException>(() => Rollouts(fake, Placement(RolloutStrategy.Rolling), V1, null, null).RollingAsync());

        // Then
        Assert.That(failed!.Message, Does.StartWith("Deployment ml/model-prod: the API server answered 403 Forbidden: deployments.apps \"model-prod\" is forbidden")
            .And.Contain("grant it a Role"));
    }

    [Test]
    public async Task Should_Retry_Server_Errors()
    {
        // Given
        await using var fake = await FakeKubernetesApi.StartAsync();
        fake.Fail("PATCH", "/services/", 503, times: 2);

        // When
        var serving = await Rollouts(fake, Placement(RolloutStrategy.Rolling), V1, null, null).RollingAsync();

        // Then
        Assert.That(serving, Is.EqualTo("model-prod"));
    }

    [TestCase(3, 34, false, 1, 2)]
    [TestCase(3, 67, false, 2, 1)]
    [TestCase(1, 20, false, 1, 1)]
    [TestCase(4, 100, false, 4, 0)]
    [TestCase(4, 10, true, 1, 4)]
    public void Should_Split_Pods_For_A_Weight(int replicas, int weight, bool routed, int canary, int stable) =>
        Assert.That(ClusterRollouts.Split(replicas, weight, routed), Is.EqualTo((canary, stable)));

    private static ClusterRollouts Rollouts(FakeKubernetesApi fake, ClusterPlacement placement, ClusterRelease release, ClusterRelease? serving, string? servingAs,
        Action<string>? say = null) =>
        new(new ClusterApi(fake.Client(), TestKubernetes.Namespace, CancellationToken.None), placement, release, serving, servingAs, null, say ?? (_ => { }),
            CancellationToken.None);

    private static List<CanaryStepSection> Steps() =>
        [new CanaryStepSection { SetWeight = 50 }, new CanaryStepSection { Analysis = new AnalysisSection { MaxErrorRate = 0.01, Interval = 0 } }];

    private static ClusterPlacement Placement(RolloutStrategy strategy) => new()
    {
        Environment = "prod",
        Namespace = TestKubernetes.Namespace,
        Name = "model-prod",
        Port = 8080,
        Settings = new KubernetesSection { Replicas = 2, Strategy = strategy, ScaleDownDelaySeconds = 0, TimeoutSeconds = 120 },
    };

    private static ClusterRelease Release(int version) =>
        new("model", version, new string((char)('0' + version), 64), $"mlops/model:v{version}", "sha256:" + new string((char)('a' + version), 64));

    private static string? Image(FakeKubernetesApi fake, string name) =>
        fake.Get("deployments", TestKubernetes.Namespace, name)?["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"]?.GetValue<string>();

    private static int? Replicas(FakeKubernetesApi fake, string name) =>
        fake.Get("deployments", TestKubernetes.Namespace, name)?["spec"]?["replicas"]?.GetValue<int>();

    private static string? Selector(FakeKubernetesApi fake, string service) =>
        fake.Get("services", TestKubernetes.Namespace, service)?["spec"]?["selector"]?[ClusterLabels.Slot]?.GetValue<string>();
}
