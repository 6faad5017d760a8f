using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlOps.Tasks.Pipeline;

/// <summary>
/// The JSON Schema of the pipeline file, derived from the same records and naming rules the loader
/// binds, so that editors (e.g. VS Code's YAML extension) complete and check what the build accepts.
/// </summary>
internal static class PipelineSchema
{
    /// <summary>Where the schema is kept, relative to the repository root.</summary>
    public const string File = "pipelines/pipeline.schema.json";

    /// <summary>The schema as indented JSON with a final newline.</summary>
    public static string Generate()
    {
        // Relaxed escaping keeps the quotes of a rule readable ('-', not \u0027-\u0027); the file is not embedded in HTML.
        var schema = Describe(typeof(PipelineDefinition));
        schema.Insert(0, "$schema", "https://json-schema.org/draft-07/schema#");
        schema.Insert(1, "title", "MlOps pipeline file");
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(PipelineSection).IsAssignableFrom(underlying))
        {
            return Section(underlying);
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyDictionary<,>) || generic == typeof(Dictionary<,>)))
        {
            // A map to text (hyper-parameters) takes any scalar: the binder reads numbers and booleans as their text.
            var values = underlying.GetGenericArguments()[1] == typeof(string)
                ? new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") }
                : Describe(underlying.GetGenericArguments()[1]);
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = values };
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var list
            && (list == typeof(IReadOnlyList<>) || list == typeof(List<>)))
        {
            // A list of text (choices, value sets) takes any scalar too: [10, 20] is read as "10", "20".
            var items = underlying.GetGenericArguments()[0] == typeof(string)
                ? new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") }
                : Describe(underlying.GetGenericArguments()[0]);
            return new JsonObject { ["type"] = "array", ["items"] = items };
        }

        // Nullable items (an open bound in value_ranges) may be written as null.
        JsonNode Scalar(string name) => underlying == type ? name : new JsonArray(name, "null");
        return underlying switch
        {
            _ when underlying == typeof(string) => new JsonObject { ["type"] = "string" },
            _ when underlying == typeof(bool) => new JsonObject { ["type"] = Scalar("boolean") },
            _ when underlying == typeof(int) || underlying == typeof(long) => new JsonObject { ["type"] = Scalar("integer") },
            _ when underlying == typeof(double) => new JsonObject { ["type"] = Scalar("number") },
            _ when underlying.IsEnum => new JsonObject { ["enum"] = new JsonArray(Enum.GetNames(underlying).Select(n => (JsonNode)YamlBinder.SnakeCase(n)).ToArray()) },
            _ => throw new InvalidOperationException($"The pipeline model uses {underlying.Name}, which the schema cannot describe."),
        };
    }

    private static JsonObject Section(Type type)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var (name, property) in YamlBinder.BindableProperties(type).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            properties[name] = Describe(property.PropertyType);
            if (property.GetCustomAttribute<TextPatternAttribute>() is { } rule)
            {
                properties[name]!["pattern"] = rule.Pattern;
                properties[name]!["description"] = $"Must be {rule.Rule}.";
            }

            if (property.IsDefined(typeof(RequiredMemberAttribute)))
            {
                required.Add(name);
            }
        }

        var section = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        if (required.Count > 0)
        {
            section["required"] = required;
        }

        return section;
    }
}
