using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace MlOps.Tasks.Kubernetes;

/// <summary>A Gateway API HTTPRoute (gateway.networking.k8s.io/v1), with only the fields a canary's weights need; the client has no model of it.</summary>
public sealed class HttpRoute : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The API group.</summary>
    public const string Group = "gateway.networking.k8s.io";

    /// <summary>The API version.</summary>
    public const string Version = "v1";

    /// <summary>The resource's plural.</summary>
    public const string Plural = "httproutes";

    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = Group + "/" + Version;

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "HTTPRoute";

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The route's spec.</summary>
    [JsonPropertyName("spec")]
    public HttpRouteSpec Spec { get; set; } = new();
}

/// <summary>An HTTPRoute's spec: the Gateway it attaches to, its host names and one rule of weighted backends.</summary>
public sealed class HttpRouteSpec
{
    /// <summary>The Gateways the route attaches to.</summary>
    [JsonPropertyName("parentRefs")]
    public IList<RouteReference> ParentRefs { get; set; } = [];

    /// <summary>The host names matched; all when empty.</summary>
    [JsonPropertyName("hostnames")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<string>? Hostnames { get; set; }

    /// <summary>The rules; a canary writes one, with its two weighted backends.</summary>
    [JsonPropertyName("rules")]
    public IList<HttpRouteRule> Rules { get; set; } = [];
}

/// <summary>One rule of an HTTPRoute.</summary>
public sealed class HttpRouteRule
{
    /// <summary>The Services traffic is split between.</summary>
    [JsonPropertyName("backendRefs")]
    public IList<RouteReference> BackendRefs { get; set; } = [];
}

/// <summary>A Gateway (parentRefs) or a weighted Service (backendRefs).</summary>
public sealed class RouteReference
{
    /// <summary>The object's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The object's namespace when not the route's.</summary>
    [JsonPropertyName("namespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; set; }

    /// <summary>The Service port (backendRefs only).</summary>
    [JsonPropertyName("port")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Port { get; set; }

    /// <summary>The share of traffic, relative to the other backends (backendRefs only).</summary>
    [JsonPropertyName("weight")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Weight { get; set; }
}
