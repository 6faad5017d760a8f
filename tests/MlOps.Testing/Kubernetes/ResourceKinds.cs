using System.Collections.Concurrent;

namespace MlOps.Testing.Kubernetes;

/// <summary>The kind of object each resource (plural) of the fake Kubernetes API holds.</summary>
internal static class ResourceKinds
{
    private static readonly ConcurrentDictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["pods"] = "Pod",
        ["services"] = "Service",
        ["configmaps"] = "ConfigMap",
        ["secrets"] = "Secret",
        ["namespaces"] = "Namespace",
        ["serviceaccounts"] = "ServiceAccount",
        ["endpoints"] = "Endpoints",
        ["events"] = "Event",
        ["deployments"] = "Deployment",
        ["replicasets"] = "ReplicaSet",
        ["statefulsets"] = "StatefulSet",
        ["daemonsets"] = "DaemonSet",
        ["poddisruptionbudgets"] = "PodDisruptionBudget",
        ["horizontalpodautoscalers"] = "HorizontalPodAutoscaler",
        ["ingresses"] = "Ingress",
        ["networkpolicies"] = "NetworkPolicy",
        ["httproutes"] = "HTTPRoute",
        ["gateways"] = "Gateway",
    };

    /// <summary>The kind for <paramref name="plural"/>: known, learnt from a stored object, or guessed from the plural.</summary>
    public static string KindOf(string plural) =>
        Kinds.TryGetValue(plural, out var kind) ? kind : char.ToUpperInvariant(plural[0]) + plural[1..].TrimEnd('s');

    /// <summary>Remembers the kind a custom resource's objects carry.</summary>
    public static void Learn(string plural, string? kind)
    {
        if (!string.IsNullOrEmpty(kind))
        {
            Kinds.TryAdd(plural, kind);
        }
    }
}
