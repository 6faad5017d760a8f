using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>The fake Kubernetes API's pod and service proxy, answered by <see cref="PodProxy"/>.</summary>
public sealed partial class FakeKubernetesApi
{
    private Reply Proxy(ResourcePath resource, string query)
    {
        // The name may read [scheme:]name[:port].
        var parts = resource.Name!.Split(':');
        var name = parts.Length > 1 && parts[0] is "http" or "https" ? parts[1] : parts[0];
        JsonObject pod;
        lock (gate)
        {
            pod = resource.Plural switch
            {
                "pods" => Existing(resource, name),
                "services" => EndpointOf(resource, Existing(resource, name)),
                _ => throw NoSuchPath,
            };
            if (pod["status"]?["podIP"] is null)
            {
                throw new ApiError(503, "ServiceUnavailable", $"pod \"{name}\" has no IP address: it is not running");
            }

            pod = pod.DeepClone().AsObject();
        }

        var responder = PodProxy ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource (the fake has no PodProxy)");
        var answer = responder(pod, "/" + resource.ProxyPath!.TrimStart('/') + query);
        return new Reply(answer.Status, answer.Body, answer.ContentType);
    }

    /// <summary>The first ready pod the service's selector picks, as a real service's endpoints would.</summary>
    private JsonObject EndpointOf(ResourcePath resource, JsonObject service)
    {
        var selector = service["spec"]?["selector"] as JsonObject ?? [];
        var name = ObjectStore.NameOf(service);
        return store.List("pods", resource.Namespace).Where(PodObjects.IsReady)
            .FirstOrDefault(pod => selector.All(label => pod["metadata"]?["labels"]?[label.Key]?.GetValue<string>() == label.Value?.GetValue<string>()))
            ?? throw new ApiError(503, "ServiceUnavailable", $"no endpoints available for service \"{name}\"");
    }
}
