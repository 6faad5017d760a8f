using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MlOps.Testing.Kubernetes;

/// <summary>
/// A label selector as the fake Kubernetes API reads <c>labelSelector</c>: comma-joined requirements
/// <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c> and <c>!a</c>, all of which must hold.
/// </summary>
internal sealed partial class LabelSelector
{
    private readonly List<Func<JsonObject?, bool>> requirements;

    private LabelSelector(List<Func<JsonObject?, bool>> requirements)
    {
        this.requirements = requirements;
    }

    /// <summary>Reads a selector; an empty or missing one selects everything.</summary>
    public static LabelSelector Parse(string? text)
    {
        var requirements = new List<Func<JsonObject?, bool>>();
        foreach (var term in Terms(text ?? ""))
        {
            requirements.Add(Requirement(term));
        }

        return new LabelSelector(requirements);
    }

    /// <summary>Whether the object's <c>metadata.labels</c> meet every requirement.</summary>
    public bool Matches(JsonObject obj)
    {
        var labels = obj["metadata"]?["labels"] as JsonObject;
        return requirements.TrueForAll(requirement => requirement(labels));
    }

    private static Func<JsonObject?, bool> Requirement(string term)
    {
        if (SetPattern().Match(term) is { Success: true } set)
        {
            var key = set.Groups["key"].Value;
            var values = set.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            var inSet = set.Groups["op"].Value == "in";
            return labels => Label(labels, key) is { } value ? values.Contains(value) == inSet : !inSet;
        }

        if (ComparePattern().Match(term) is { Success: true } compare)
        {
            var key = compare.Groups["key"].Value;
            var value = compare.Groups["value"].Value;
            var equal = compare.Groups["op"].Value != "!=";
            return labels => (Label(labels, key) == value) == equal;
        }

        if (KeyPattern().Match(term) is { Success: true } exists)
        {
            var key = exists.Groups["key"].Value;
            var present = exists.Groups["not"].Value.Length == 0;
            return labels => (Label(labels, key) is not null) == present;
        }

        throw ApiError.BadRequest($"unable to parse requirement: found '{term}', expected: identifier, in, notin, =, ==, !=");
    }

    private static string? Label(JsonObject? labels, string key) => labels?[key]?.GetValue<string>();

    private static IEnumerable<string> Terms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var term = text[start..i].Trim();
                if (term.Length > 0)
                {
                    yield return term;
                }

                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')')
            {
                depth--;
            }
        }
    }

    [GeneratedRegex(@"^(?<key>[\w./-]+)\s+(?<op>in|notin)\s*\((?<values>[^)]*)\)$")]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"^(?<key>[\w./-]+)\s*(?<op>==|!=|=)\s*(?<value>[\w./-]*)$")]
    private static partial Regex ComparePattern();

    [GeneratedRegex(@"^(?<not>!?)\s*(?<key>[\w./-]+)$")]
    private static partial Regex KeyPattern();
}
