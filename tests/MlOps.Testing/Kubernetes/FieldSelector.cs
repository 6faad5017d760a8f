using System.Text.Json.Nodes;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// A field selector as the fake Kubernetes API reads <c>fieldSelector</c>: only <c>metadata.name</c> and
/// <c>metadata.namespace</c> with <c>=</c>, <c>==</c> or <c>!=</c> are checked; other fields are ignored.
/// </summary>
internal static class FieldSelector
{
    /// <summary>A predicate for <paramref name="text"/>; an empty or missing selector selects everything.</summary>
    public static Func<JsonObject, bool> Parse(string? text)
    {
        var checks = new List<Func<JsonObject, bool>>();
        foreach (var term in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2 || parts[0] is not ("metadata.name" or "metadata.namespace"))
            {
                continue;
            }

            var (field, value) = (parts[0]["metadata.".Length..], parts[1]);
            checks.Add(obj => (obj["metadata"]?[field]?.GetValue<string>() == value) != negate);
        }

        return obj => checks.TrueForAll(check => check(obj));
    }
}
