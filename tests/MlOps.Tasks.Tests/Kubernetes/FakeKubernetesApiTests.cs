using k8s;
using k8s.Models;
using MlOps.Testing.Kubernetes;
using static MlOps.Tasks.Tests.Kubernetes.TestKubernetes;

namespace MlOps.Tasks.Tests.Kubernetes;

/// <summary>The fake Kubernetes API's deployment simulation and watches, driven through the official client.</summary>
public sealed class FakeKubernetesApiTests
{
    private static Task<V1Deployment> ApplyAsync(k8s.Kubernetes client, V1Deployment deployment) =>
        client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(deployment, V1Patch.PatchType.ApplyPatch), deployment.Metadata.Name, Namespace, fieldManager: "mlops", force: true);

    private static Task<V1Deployment> RolledOutAsync(k8s.Kubernetes client, string name) =>
        UntilAsync(
            () => client.AppsV1.ReadNamespacedDeploymentAsync(name, Namespace),
            d => d.Status?.ObservedGeneration == d.Metadata.Generation && (d.Status?.AvailableReplicas ?? 0) == d.Spec.Replicas
                && d.Status?.Conditions?.Any(c => c.Type == "Progressing" && c.Reason == "NewReplicaSetAvailable") == true);

    public sealed class Deployments
    {
        [Test]
        public async Task Should_Make_The_Pods_Ready_When_A_Deployment_Is_Applied()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();

            // When
            var created = await ApplyAsync(client, NewDeployment("scoring", "registry/scoring:1"));
            var rolledOut = await RolledOutAsync(client, "scoring");

            // Then
            Assert.That(created.Metadata.Generation, Is.EqualTo(1));
            Assert.That(rolledOut.Status.ReadyReplicas, Is.EqualTo(2));
            Assert.That(rolledOut.Status.UpdatedReplicas, Is.EqualTo(2));
            Assert.That(rolledOut.Status.Conditions.Single(c => c.Type == "Available").Status, Is.EqualTo("True"));
            var pods = await client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: "app=scoring");
            Assert.That(pods.Items, Has.Count.EqualTo(2));
            Assert.That(pods.Items.Select(p => p.Status.Phase), Is.All.EqualTo("Running"));
            Assert.That(pods.Items.Select(p => p.Status.PodIP), Is.All.EqualTo("127.0.0.1"));
            var replicaSet = (await client.AppsV1.ListNamespacedReplicaSetAsync(Namespace)).Items.Single();
            Assert.That(pods.Items.Select(p => p.Metadata.Name), Is.EquivalentTo(new[] { $"{replicaSet.Metadata.Name}-0", $"{replicaSet.Metadata.Name}-1" }));
            Assert.That(replicaSet.Metadata.OwnerReferences.Single().Name, Is.EqualTo("scoring"));
            Assert.That(fake.Requests[0].ContentType, Does.StartWith("application/apply-patch+yaml"));
        }

        [Test]
        public async Task Should_Create_A_New_ReplicaSet_And_Generation_When_The_Image_Changes()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            await ApplyAsync(client, NewDeployment("scoring", "registry/scoring:1"));
            await RolledOutAsync(client, "scoring");

            // When
            var changed = await ApplyAsync(client, NewDeployment("scoring", "registry/scoring:2"));
            var rolledOut = await RolledOutAsync(client, "scoring");

            // Then
            Assert.That(changed.Metadata.Generation, Is.EqualTo(2));
            Assert.That(rolledOut.Status.ObservedGeneration, Is.EqualTo(2));
            var replicaSets = (await client.AppsV1.ListNamespacedReplicaSetAsync(Namespace)).Items;
            Assert.That(replicaSets, Has.Count.EqualTo(2));
            var current = replicaSets.Single(rs => rs.Spec.Template.Spec.Containers[0].Image == "registry/scoring:2");
            Assert.That(replicaSets.Single(rs => rs != current).Spec.Replicas, Is.Zero);
            var pods = (await client.CoreV1.ListNamespacedPodAsync(Namespace)).Items;
            Assert.That(pods.Select(p => p.Metadata.Labels["pod-template-hash"]), Is.All.EqualTo(current.Metadata.Labels["pod-template-hash"]));
            Assert.That(pods.Select(p => p.Spec.Containers[0].Image), Is.All.EqualTo("registry/scoring:2"));
        }

        [Test]
        public async Task Should_Report_ProgressDeadlineExceeded_When_The_Pods_Crash()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            fake.FailPods(DeploymentMatch.ImageContains(":broken"));

            // When
            await ApplyAsync(client, NewDeployment("scoring", "registry/scoring:broken"));
            var failed = await UntilAsync(
                () => client.AppsV1.ReadNamespacedDeploymentAsync("scoring", Namespace),
                d => d.Status?.Conditions?.Any(c => c.Type == "Progressing" && c.Status == "False") == true);

            // Then
            var progressing = failed.Status.Conditions.Single(c => c.Type == "Progressing");
            Assert.That(progressing.Reason, Is.EqualTo("ProgressDeadlineExceeded"));
            Assert.That(failed.Status.AvailableReplicas, Is.Null);
            var pod = (await client.CoreV1.ListNamespacedPodAsync(Namespace)).Items[0];
            Assert.That(pod.Status.Phase, Is.EqualTo("Running"));
            Assert.That(pod.Status.ContainerStatuses[0].State.Waiting.Reason, Is.EqualTo("CrashLoopBackOff"));
            Assert.That(pod.Status.ContainerStatuses[0].RestartCount, Is.GreaterThan(0));
            Assert.That(pod.Status.Conditions.Single(c => c.Type == "Ready").Status, Is.EqualTo("False"));
        }

        [Test]
        public async Task Should_Keep_The_Pods_Pending_When_They_Hang()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            fake.ProgressDeadline = Timeout.InfiniteTimeSpan;
            fake.HangPods(DeploymentMatch.Named("scoring"));
            using var client = fake.Client();

            // When
            await ApplyAsync(client, NewDeployment("scoring", "registry/scoring:1", replicas: 1));
            await UntilAsync(() => Task.FromResult(fake.Requests.Count), _ => fake.List("replicasets", Namespace).Count == 1);

            // Then
            var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync("scoring", Namespace);
            Assert.That(deployment.Status.ObservedGeneration, Is.EqualTo(1));
            Assert.That(deployment.Status.UnavailableReplicas, Is.EqualTo(1));
            Assert.That(deployment.Status.Conditions.Single(c => c.Type == "Progressing").Reason, Is.EqualTo("ReplicaSetUpdated"));
            Assert.That((await client.CoreV1.ListNamespacedPodAsync(Namespace)).Items.Single().Status.Phase, Is.EqualTo("Pending"));
        }

        [Test]
        public async Task Should_Remove_The_Pods_But_Stay_Available_When_Scaled_To_Zero()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            await ApplyAsync(client, NewDeployment("scoring", "registry/scoring:1"));
            await RolledOutAsync(client, "scoring");

            // When
            var patch = new V1Patch("""{"spec":{"replicas":0}}""", V1Patch.PatchType.MergePatch);
            await client.AppsV1.PatchNamespacedDeploymentAsync(patch, "scoring", Namespace);
            var scaled = await RolledOutAsync(client, "scoring");

            // Then
            Assert.That(scaled.Status.Replicas, Is.Null);
            Assert.That(scaled.Status.Conditions.Single(c => c.Type == "Available").Status, Is.EqualTo("True"));
            Assert.That((await client.CoreV1.ListNamespacedPodAsync(Namespace)).Items, Is.Empty);
        }

        [Test]
        public async Task Should_Delete_The_ReplicaSets_And_Pods_When_The_Deployment_Is_Deleted()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            await ApplyAsync(client, NewDeployment("scoring", "registry/scoring:1"));
            await RolledOutAsync(client, "scoring");

            // When
            var status = await client.AppsV1.DeleteNamespacedDeploymentAsync("scoring", Namespace);

            // Then
            Assert.That(status.Status, Is.EqualTo("Success"));
            Assert.That(fake.List("deployments"), Is.Empty);
            Assert.That(fake.List("replicasets"), Is.Empty);
            Assert.That((await client.CoreV1.ListNamespacedPodAsync(Namespace)).Items, Is.Empty);
        }
    }

    public sealed class Watch
    {
        [Test]
        public async Task Should_See_Added_Then_Modified_When_A_Deployment_Rolls_Out()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            await ApplyAsync(client, NewDeployment("scoring", "registry/scoring:1"));
            using var limit = new CancellationTokenSource(MlOps.Testing.TestTimeLimits.Step);
            var seen = new List<(WatchEventType Type, V1Deployment Deployment)>();

            // When
            var events = client.AppsV1.WatchListNamespacedDeploymentAsync(Namespace, timeoutSeconds: 60, cancellationToken: limit.Token);
            await foreach (var (type, deployment) in events)
            {
                seen.Add((type, deployment));
                if (deployment.Status?.AvailableReplicas == 2)
                {
                    break;
                }
            }

            // Then
            Assert.That(seen[0].Type, Is.EqualTo(WatchEventType.Added));
            Assert.That(seen[^1].Type, Is.EqualTo(WatchEventType.Modified));
            Assert.That(seen.Select(e => e.Deployment.Metadata.Name), Is.All.EqualTo("scoring"));
            Assert.That(fake.Requests.Last(r => r.PathAndQuery.Contains("watch", StringComparison.Ordinal)).PathAndQuery, Does.Contain("watch=true"));
        }

        [Test]
        public async Task Should_Replay_The_Changes_After_A_ResourceVersion()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            var list = await client.CoreV1.ListNamespacedConfigMapAsync(Namespace);
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" } }, Namespace);
            using var limit = new CancellationTokenSource(MlOps.Testing.TestTimeLimits.Step);

            // When
            var events = client.CoreV1.WatchListNamespacedConfigMapAsync(Namespace, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: limit.Token);
            var (type, map) = await events.FirstAsync(limit.Token);

            // Then
            Assert.That(type, Is.EqualTo(WatchEventType.Added));
            Assert.That(map.Metadata.Name, Is.EqualTo("settings"));
        }
    }
}
