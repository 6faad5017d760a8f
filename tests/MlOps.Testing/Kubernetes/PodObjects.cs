using System.Globalization;
using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>The pods the fake Kubernetes API's deployment simulation makes, and the states they go through.</summary>
internal static class PodObjects
{
    public const string Address = "127.0.0.1";

    /// <summary>A Pending pod <c>{replica set}-{index}</c> from the replica set's pod template.</summary>
    public static JsonObject New(JsonObject replicaSet, int index)
    {
        var template = replicaSet["spec"]?["template"]?.AsObject() ?? [];
        var metadata = template["metadata"]?.DeepClone().AsObject() ?? [];
        metadata["name"] = $"{ObjectStore.NameOf(replicaSet)}-{index.ToString(CultureInfo.InvariantCulture)}";
        metadata["namespace"] = ObjectStore.NamespaceOf(replicaSet);
        metadata["ownerReferences"] = new JsonArray(Owner("apps/v1", "ReplicaSet", replicaSet));
        var spec = template["spec"]?.DeepClone().AsObject() ?? [];
        spec["nodeName"] = "fake-node";
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = spec,
            ["status"] = new JsonObject
            {
                ["phase"] = "Pending",
                ["conditions"] = new JsonArray(Condition("PodScheduled", true)),
                ["qosClass"] = "BestEffort",
            },
        };
    }

    /// <summary>An ownerReference to <paramref name="owner"/> as its controller.</summary>
    public static JsonObject Owner(string apiVersion, string kind, JsonObject owner) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = ObjectStore.NameOf(owner),
        ["uid"] = ObjectStore.UidOf(owner),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    public static bool IsPending(JsonObject pod) => pod["status"]?["phase"]?.GetValue<string>() == "Pending";

    public static bool IsReady(JsonObject pod) =>
        pod["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(condition => condition?["type"]?.GetValue<string>() == "Ready" && condition["status"]?.GetValue<string>() == "True");

    /// <summary>The pod's status once its containers run: Ready, or crashing and restarting.</summary>
    public static JsonObject Running(JsonObject pod, bool ready)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var statuses = new JsonArray();
        foreach (var container in pod["spec"]?["containers"] as JsonArray ?? [])
        {
            statuses.Add(new JsonObject
            {
                ["name"] = container?["name"]?.DeepClone(),
                ["image"] = container?["image"]?.DeepClone(),
                ["imageID"] = "",
                ["ready"] = ready,
                ["started"] = ready,
                ["restartCount"] = ready ? 0 : 3,
                ["state"] = ready
                    ? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } }
                    : new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CrashLoopBackOff", ["message"] = "back-off 40s restarting failed container" } },
                ["lastState"] = ready ? new JsonObject() : new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = 1, ["reason"] = "Error" } },
            });
        }

        return new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = new JsonArray(
                Condition("Initialized", true), Condition("Ready", ready), Condition("ContainersReady", ready), Condition("PodScheduled", true)),
            ["hostIP"] = Address,
            ["podIP"] = Address,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = Address }),
            ["startTime"] = now,
            ["containerStatuses"] = statuses,
            ["qosClass"] = "BestEffort",
        };
    }

    private static JsonObject Condition(string type, bool status)
    {
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status ? "True" : "False",
            ["lastTransitionTime"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (!status)
        {
            condition["reason"] = "ContainersNotReady";
        }

        return condition;
    }
}
