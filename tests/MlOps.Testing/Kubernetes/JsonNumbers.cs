using System.Globalization;
using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>Numbers read from JSON nodes whether they were parsed or set from an int or a long (GetValue converts neither way).</summary>
internal static class JsonNumbers
{
    public static long? Long(JsonNode? node) =>
        node is JsonValue value && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static int? Int(JsonNode? node) => Long(node) is { } number ? checked((int)number) : null;
}
