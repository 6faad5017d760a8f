namespace MlOps.Tasks.Pipeline;

/// <summary>
/// The form a text value must take (a regular expression, anchored) and the same rule in words; the
/// loader refuses other values with both, and the JSON Schema carries the pattern for editors.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TextPatternAttribute(string pattern, string rule) : Attribute
{
    /// <summary>The regular expression a value must match, e.g. <c>^[a-z0-9][a-z0-9_-]{0,62}$</c>.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>The rule in words, completing "must be …".</summary>
    public string Rule { get; } = rule;
}
