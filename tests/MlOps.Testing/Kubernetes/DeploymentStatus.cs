using System.Globalization;
using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// The status the fake Kubernetes API's deployment simulation gives a Deployment from its newest ReplicaSet's pods.
/// Counts of zero are left out, as the real API's omitempty does.
/// </summary>
internal static class DeploymentStatus
{
    public const string Exceeded = "ProgressDeadlineExceeded";

    /// <summary>The replicas the Deployment asks for (1 when unset).</summary>
    public static int Replicas(JsonObject deployment) => JsonNumbers.Int(deployment["spec"]?["replicas"]) ?? 1;

    /// <summary>Whether the Deployment's Progressing condition says its deadline passed.</summary>
    public static bool HasExceeded(JsonObject deployment) => Condition(deployment["status"], "Progressing")?["reason"]?.GetValue<string>() == Exceeded;

    /// <summary>The status for the pods of <paramref name="replicaSet"/>, the Deployment's newest ReplicaSet.</summary>
    public static JsonObject Compute(JsonObject deployment, string replicaSet, List<JsonObject> pods, bool exceeded)
    {
        var wanted = Replicas(deployment);
        var ready = pods.Count(PodObjects.IsReady);
        var complete = ready >= wanted && pods.Count == wanted;
        var status = new JsonObject { ["observedGeneration"] = JsonNumbers.Long(deployment["metadata"]?["generation"]) ?? 1 };
        Count(status, "replicas", pods.Count);
        Count(status, "updatedReplicas", pods.Count);
        Count(status, "readyReplicas", ready);
        Count(status, "availableReplicas", ready);
        Count(status, "unavailableReplicas", Math.Max(0, wanted - ready));
        var old = deployment["status"];
        var available = ready >= wanted
            ? Make(old, "Available", true, "MinimumReplicasAvailable", "Deployment has minimum availability.")
            : Make(old, "Available", false, "MinimumReplicasUnavailable", "Deployment does not have minimum availability.");
        var progressing = complete
            ? Make(old, "Progressing", true, "NewReplicaSetAvailable", $"ReplicaSet \"{replicaSet}\" has successfully progressed.")
            : exceeded
                ? Make(old, "Progressing", false, Exceeded, $"ReplicaSet \"{replicaSet}\" has timed out progressing.")
                : Make(old, "Progressing", true, "ReplicaSetUpdated", $"ReplicaSet \"{replicaSet}\" is progressing.");
        status["conditions"] = new JsonArray(available, progressing);
        return status;
    }

    /// <summary>The status of a ReplicaSet with <paramref name="pods"/>.</summary>
    public static JsonObject ForReplicaSet(JsonObject replicaSet, List<JsonObject> pods)
    {
        var ready = pods.Count(PodObjects.IsReady);
        var status = new JsonObject();
        Count(status, "replicas", pods.Count);
        Count(status, "fullyLabeledReplicas", pods.Count);
        Count(status, "readyReplicas", ready);
        Count(status, "availableReplicas", ready);
        status["observedGeneration"] = JsonNumbers.Long(replicaSet["metadata"]?["generation"]) ?? 1;
        return status;
    }

    private static void Count(JsonObject status, string name, int count)
    {
        if (count > 0)
        {
            status[name] = count;
        }
    }

    private static JsonObject? Condition(JsonNode? status, string type) =>
        (status?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(condition => condition["type"]?.GetValue<string>() == type);

    private static JsonObject Make(JsonNode? oldStatus, string type, bool value, string reason, string message)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = value ? "True" : "False";
        var old = Condition(oldStatus, type);
        var same = old?["status"]?.GetValue<string>() == text && old["reason"]?.GetValue<string>() == reason && old["message"]?.GetValue<string>() == message;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = text,
            ["lastUpdateTime"] = same ? old!["lastUpdateTime"]?.DeepClone() : now,
            ["lastTransitionTime"] = old?["status"]?.GetValue<string>() == text ? old["lastTransitionTime"]?.DeepClone() : now,
            ["reason"] = reason,
            ["message"] = message,
        };
    }
}
