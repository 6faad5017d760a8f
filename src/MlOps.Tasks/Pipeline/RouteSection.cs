namespace MlOps.Tasks.Pipeline;

/// <summary><c>kubernetes.route</c>: the Gateway API HTTPRoute a canary sets exact weights on.</summary>
public sealed record RouteSection : PipelineSection
{
    /// <summary>The Gateway the route attaches to.</summary>
    public required string Gateway { get; init; }

    /// <summary>The Gateway's namespace; by default the environment's.</summary>
    public string? GatewayNamespace { get; init; }

    /// <summary>Host names the route matches; all when empty.</summary>
    public IReadOnlyList<string> Hostnames { get; init; } = [];
}
