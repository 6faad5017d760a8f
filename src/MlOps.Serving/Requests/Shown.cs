using System.Text.Json;

namespace MlOps.Serving.Requests;

/// <summary>Client input as messages quote it: text cut at 40 characters, so an answer never echoes a large body back.</summary>
internal static class Shown
{
    public const int Length = 40;

    public static string Text(string text) => text.Length > Length ? text[..Length] + "…" : text;

    /// <summary>What kind of JSON value it is: "an object", "a string", "null", …</summary>
    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>The value itself for strings and scalars (<c>the string "high"</c>, <c>true</c>, <c>17</c>), its kind for objects and arrays.</summary>
    public static string Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string {JsonSerializer.Serialize(Text(element.GetString() ?? ""))}",
        JsonValueKind.Object or JsonValueKind.Array => Kind(element),
        _ => Text(element.GetRawText()),
    };
}
