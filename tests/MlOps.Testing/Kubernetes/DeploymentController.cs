using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// The fake Kubernetes API's stand-in for the deployment and replica set controllers and the kubelet: a Deployment's
/// pod template gets a ReplicaSet <c>{deployment}-{template hash}</c> with pods <c>{replica set}-{index}</c>, older
/// ReplicaSets are scaled to 0 at once (no surge, no gradual roll), and the pods settle after <see cref="FakeKubernetesApi.ReadyAfter"/>.
/// Every method runs under the fake's lock.
/// </summary>
internal sealed class DeploymentController(ObjectStore store, FakeKubernetesApi fake)
{
    private const string HashLabel = "pod-template-hash";

    /// <summary>Brings the Deployment's ReplicaSets and pods in line with its spec (on create and on each spec change).</summary>
    public void Reconcile(JsonObject deployment)
    {
        var (ns, name, uid) = (ObjectStore.NamespaceOf(deployment), ObjectStore.NameOf(deployment), ObjectStore.UidOf(deployment));
        var replicas = DeploymentStatus.Replicas(deployment);
        var current = CurrentReplicaSetName(deployment);
        foreach (var old in store.List("replicasets", ns).Where(rs => ObjectStore.IsOwnedBy(rs, uid) && ObjectStore.NameOf(rs) != current).ToList())
        {
            Retire(old);
        }

        var replicaSet = store.Get("replicasets", ns, current) is { } existing
            ? Scale(existing, replicas)
            : store.Create("replicasets", NewReplicaSet(deployment, current, replicas));
        var names = Enumerable.Range(0, replicas).Select(index => $"{current}-{index}").ToHashSet();
        var pods = PodsOf(replicaSet);
        foreach (var extra in pods.Where(pod => !names.Contains(ObjectStore.NameOf(pod))))
        {
            store.Delete("pods", ns, ObjectStore.NameOf(extra));
        }

        for (var index = 0; index < replicas; index++)
        {
            if (store.Get("pods", ns, $"{current}-{index}") is null)
            {
                store.Create("pods", PodObjects.New(replicaSet, index));
            }
        }

        UpdateStatuses(ns, name, current, exceeded: false);
        fake.Schedule(fake.ReadyAfter, () => Settle(ns, name, current));
        var deadline = Deadline(deployment);
        if (deadline != Timeout.InfiniteTimeSpan)
        {
            fake.Schedule(deadline, () => ExpireDeadline(ns, name, current));
        }
    }

    private void Settle(string ns, string name, string replicaSetName)
    {
        if (store.Get("deployments", ns, name) is not { } deployment || store.Get("replicasets", ns, replicaSetName) is not { } replicaSet)
        {
            return;
        }

        var fate = fake.FateOf(deployment);
        if (fate != PodFate.Hang)
        {
            foreach (var pod in PodsOf(replicaSet).Where(PodObjects.IsPending))
            {
                var running = pod.DeepClone().AsObject();
                running["status"] = PodObjects.Running(pod, fate == PodFate.Ready);
                store.Update("pods", pod, running);
            }
        }

        UpdateStatuses(ns, name, replicaSetName, DeploymentStatus.HasExceeded(deployment));
    }

    private void ExpireDeadline(string ns, string name, string replicaSetName)
    {
        // Pods bound to become ready do so when they settle, however late a loaded machine runs that: no deadline for them.
        if (store.Get("deployments", ns, name) is { } deployment && CurrentReplicaSetName(deployment) == replicaSetName
            && fake.FateOf(deployment) != PodFate.Ready)
        {
            UpdateStatuses(ns, name, replicaSetName, exceeded: true);
        }
    }

    private void UpdateStatuses(string ns, string name, string replicaSetName, bool exceeded)
    {
        if (store.Get("deployments", ns, name) is not { } deployment || store.Get("replicasets", ns, replicaSetName) is not { } replicaSet)
        {
            return;
        }

        var pods = PodsOf(replicaSet);
        WriteStatus("replicasets", replicaSet, DeploymentStatus.ForReplicaSet(replicaSet, pods));

        // A timer of a ReplicaSet the Deployment has since left (its template changed again) says nothing of the Deployment.
        if (CurrentReplicaSetName(deployment) == replicaSetName)
        {
            WriteStatus("deployments", deployment, DeploymentStatus.Compute(deployment, replicaSetName, pods, exceeded));
        }
    }

    private void WriteStatus(string plural, JsonObject obj, JsonObject status)
    {
        if (!JsonNode.DeepEquals(obj["status"], status))
        {
            var updated = obj.DeepClone().AsObject();
            updated["status"] = status;
            store.Update(plural, obj, updated);
        }
    }

    private void Retire(JsonObject replicaSet)
    {
        foreach (var pod in PodsOf(replicaSet))
        {
            store.Delete("pods", ObjectStore.NamespaceOf(pod), ObjectStore.NameOf(pod));
        }

        var retired = Scale(replicaSet, 0);
        WriteStatus("replicasets", retired, DeploymentStatus.ForReplicaSet(retired, []));
    }

    private JsonObject Scale(JsonObject replicaSet, int replicas)
    {
        if (JsonNumbers.Int(replicaSet["spec"]?["replicas"]) == replicas)
        {
            return replicaSet;
        }

        var scaled = replicaSet.DeepClone().AsObject();
        scaled["spec"]!["replicas"] = replicas;
        return store.Update("replicasets", replicaSet, scaled);
    }

    private List<JsonObject> PodsOf(JsonObject replicaSet) =>
        [.. store.List("pods", ObjectStore.NamespaceOf(replicaSet)).Where(pod => ObjectStore.IsOwnedBy(pod, ObjectStore.UidOf(replicaSet)))];

    private JsonObject NewReplicaSet(JsonObject deployment, string name, int replicas)
    {
        var hash = name[(ObjectStore.NameOf(deployment).Length + 1)..];
        var template = deployment["spec"]?["template"]?.DeepClone().AsObject() ?? [];
        var templateMetadata = ObjectStore.Metadata(template);
        var labels = templateMetadata["labels"] as JsonObject ?? [];
        labels[HashLabel] = hash;
        templateMetadata["labels"] = labels;
        var selector = deployment["spec"]?["selector"]?.DeepClone().AsObject() ?? new JsonObject { ["matchLabels"] = labels.DeepClone() };
        var matchLabels = selector["matchLabels"] as JsonObject ?? [];
        matchLabels[HashLabel] = hash;
        selector["matchLabels"] = matchLabels;
        var uid = ObjectStore.UidOf(deployment);
        var revision = store.List("replicasets", ObjectStore.NamespaceOf(deployment)).Count(rs => ObjectStore.IsOwnedBy(rs, uid)) + 1;
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ObjectStore.NamespaceOf(deployment),
                ["labels"] = labels.DeepClone(),
                ["annotations"] = new JsonObject { ["deployment.kubernetes.io/revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["ownerReferences"] = new JsonArray(PodObjects.Owner("apps/v1", "Deployment", deployment)),
            },
            ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = selector, ["template"] = template },
        };
    }

    private TimeSpan Deadline(JsonObject deployment)
    {
        var deadline = fake.ProgressDeadline;
        if (JsonNumbers.Int(deployment["spec"]?["progressDeadlineSeconds"]) is { } seconds
            && (deadline == Timeout.InfiniteTimeSpan || TimeSpan.FromSeconds(seconds) < deadline))
        {
            deadline = TimeSpan.FromSeconds(seconds);
        }

        return deadline;
    }

    /// <summary>The name of the ReplicaSet for the Deployment's current pod template.</summary>
    private static string CurrentReplicaSetName(JsonObject deployment)
    {
        const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var template = deployment["spec"]?["template"]?.ToJsonString() ?? "{}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(template));
        return ObjectStore.NameOf(deployment) + "-" + new string([.. hash.Take(10).Select(b => Alphabet[b % Alphabet.Length])]);
    }
}
