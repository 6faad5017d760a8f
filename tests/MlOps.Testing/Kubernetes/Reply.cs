using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>A response of the fake Kubernetes API, its body serialized while the fake's lock was held.</summary>
internal sealed record Reply(int Status, string Body, string ContentType = "application/json")
{
    public static Reply Of(int status, JsonNode body) => new(status, body.ToJsonString());
}
