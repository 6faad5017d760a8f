using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// RFC 7386 JSON merge patch, which the fake Kubernetes API also uses for strategic merge patches and for
/// server-side apply: lists are replaced whole (the real strategic merge merges lists of named items such as
/// containers by key, and apply removes fields the manager stopped sending).
/// </summary>
internal static class JsonMergePatch
{
    /// <summary>A new node: <paramref name="target"/> with <paramref name="patch"/> merged in (null members remove).</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject original ? original.DeepClone().AsObject() : [];
        foreach (var (key, value) in members)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = Apply(result[key], value);
                result[key] = merged;
            }
        }

        return result;
    }
}
