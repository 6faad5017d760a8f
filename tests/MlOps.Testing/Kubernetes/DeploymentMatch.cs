using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>Ready-made Deployment predicates for <see cref="FakeKubernetesApi.FailPods"/> and <see cref="FakeKubernetesApi.HangPods"/>.</summary>
public static class DeploymentMatch
{
    /// <summary>Deployments named <paramref name="name"/>.</summary>
    public static Func<JsonObject, bool> Named(string name) => deployment => deployment["metadata"]?["name"]?.GetValue<string>() == name;

    /// <summary>Deployments with a container whose image contains <paramref name="text"/>.</summary>
    public static Func<JsonObject, bool> ImageContains(string text) => deployment =>
        deployment["spec"]?["template"]?["spec"]?["containers"] is JsonArray containers
        && containers.Any(container => container?["image"]?.GetValue<string>().Contains(text, StringComparison.Ordinal) == true);
}
