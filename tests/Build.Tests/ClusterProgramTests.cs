using System.Globalization;
using k8s;
using k8s.Models;
using MlOps.Testing.Kubernetes;

namespace MlOps.Build.Tests;

/// <summary>
/// Deploy to the sample's <c>kubernetes</c> environment: as a GitOps user runs it (a dry run, no cluster, a fresh repository), and against
/// <see cref="FakeKubernetesApi"/>, an in-process FAKE API server reached through a kubeconfig as kubectl would (no cluster can run here).
/// </summary>
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

    [Test]
    [Category("Docker")]
    public async Task Should_Promote_A_Healthy_Canary_Abort_A_Failing_One_And_Report_An_Api_Refusal_In_One_Line()
    {
        // Given: the quick sample's cluster environment with short canary steps, a fake cluster whose pods of v3 answer 500s
        using var docker = await Docker.RequireAsync();
        await using var fake = await FakeKubernetesApi.StartAsync();
        fake.PodProxy = ScoringPodMetrics.Responder(failingVersion: "3");
        using var build = BuildProgram.QuickSample(("pause: 30", "pause: 0"), ("interval: 20", "interval: 0"), ("samples: 3", "samples: 1"));
        fake.RequireToken = "ci-token";
        fake.WriteKubeconfig(build.Repository["kubeconfig"], token: "ci-token");
        build.Environment["KUBECONFIG"] = build.Repository["kubeconfig"];

        // When
        var first = build.Run("--target=Deploy", "--environment=cluster");
        Retrain(build, 70);
        var second = build.Run("--target=Deploy", "--environment=cluster");
        var unchanged = build.Run("--target=Deploy", "--environment=cluster");
        Retrain(build, 80);
        var failing = build.Run("--target=Deploy", "--environment=cluster");
        fake.Fail("PATCH", "/services/", 403, times: 1, message: "services \"credit-scoring-cluster\" is forbidden: User \"ci\" cannot patch");
        var refused = build.Run("--target=Rollback", "--environment=cluster");
        var status = build.Run("--target=Status");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(first.Output, Does.Contain("cluster: canary: nothing serves yet, so the first version goes straight to stable")
            .And.Contain("Deploy: v1 serves fake/credit-scoring/service/credit-scoring-cluster in 'cluster' (Deployment credit-scoring-cluster-stable, image "));
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Errors);
        Assert.That(second.Output, Does.Contain("cluster: canary: 1 of 3 pods (33 % of traffic; 34 % asked)").And.Contain("cluster: analysis 1 of 1: canary v2 requests")
            .And.Contain("cluster: canary: promoted; credit-scoring-cluster-stable serves v2 with all traffic"));
        Assert.That(unchanged.Output, Does.Contain("Deploy: unchanged"), unchanged.Output + unchanged.Errors);
        Assert.That(failing.ExitCode, Is.EqualTo(3), failing.Output + failing.Errors);
        Assert.That(failing.Errors, Does.StartWith("Error: The canary v3 failed its analysis (kubernetes.steps[2]): error rate 1 (")
            .And.Contain("the canary was removed and stable v2 has all traffic again."));
        Assert.That(StableImageVersion(fake), Is.EqualTo("2"));
        Assert.That(fake.Get("deployments", "credit-scoring", "credit-scoring-cluster-canary"), Is.Null);
        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Output + refused.Errors);
        Assert.That(refused.Errors, Does.StartWith("Error: Service credit-scoring/credit-scoring-cluster: the API server answered 403 Forbidden: services "
            + "\"credit-scoring-cluster\" is forbidden: User \"ci\" cannot patch; the user may not do this: grant it a Role").And.EndWith("has all traffic again.\n"));
        Assert.That(refused.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
        Assert.That(status.Output, Does.Match(@"│ cluster +│ kubernetes +│ v2 .*│ 3 of 3 pods available"));
    }

    [Test]
    [Category("Docker")]
    public async Task Should_Keep_Blue_Serving_When_Green_Never_Gets_Ready_And_Say_So_In_One_Line()
    {
        // Given: the cluster environment as blue-green with 5 s waits; the fake's pods of v2 never start
        using var docker = await Docker.RequireAsync();
        await using var fake = await FakeKubernetesApi.StartAsync();
        using var build = BuildProgram.QuickSample(("strategy: canary", "strategy: blue_green\n      timeout_seconds: 5\n      scale_down_delay_seconds: 0"),
            (SampleSteps, ""));
        fake.WriteKubeconfig(build.Repository["kubeconfig"], token: "t");
        build.Environment["KUBECONFIG"] = build.Repository["kubeconfig"];
        fake.HangPods(DeploymentMatch.ImageContains(":v2-"));

        // When
        var first = build.Run("--target=Deploy", "--environment=cluster");
        Retrain(build, 70);
        var second = build.Run("--target=Deploy", "--environment=cluster");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(first.Output, Does.Contain("Deploy: v1 serves fake/credit-scoring/service/credit-scoring-cluster in 'cluster' (Deployment credit-scoring-cluster-blue"));
        Assert.That(second.ExitCode, Is.EqualTo(1), second.Output + second.Errors);
        Assert.That(second.Errors, Does.StartWith("Error: Deployment credit-scoring/credit-scoring-cluster-green: 0 of 3 pods available")
            .And.EndWith("green was scaled to 0; blue still serves v1.\n"));
        Assert.That(second.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
        Assert.That(fake.Get("services", "credit-scoring", "credit-scoring-cluster")?["spec"]?["selector"]?["mlops.dev/slot"]?.GetValue<string>(), Is.EqualTo("blue"));
    }

    // The canary steps of the sample pipeline, which other strategies refuse.
    private static string SampleSteps => string.Concat(File.ReadAllLines(Path.Combine(BuildProgram.SourceRoot, "pipelines", "credit-scoring.yaml"))
        .SkipWhile(line => !line.Contains("steps:", StringComparison.Ordinal)).TakeWhile(line => line.StartsWith("      ", StringComparison.Ordinal))
        .Select(line => line + "\n"));

    private static void Retrain(BuildProgram build, int iterations)
    {
        var pipeline = build.Repository["pipelines/credit-scoring.yaml"];
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(pipeline), "number_of_iterations: [0-9]+",
            string.Create(CultureInfo.InvariantCulture, $"number_of_iterations: {iterations}"));
        File.WriteAllText(pipeline, text);
    }

    private static string? StableImageVersion(FakeKubernetesApi fake) =>
        fake.Get("deployments", "credit-scoring", "credit-scoring-cluster-stable")?["spec"]?["template"]?["metadata"]?["labels"]?["app.kubernetes.io/version"]?.GetValue<string>();
}
