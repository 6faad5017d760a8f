using System.Text;

namespace MlOps.Testing;

/// <summary>
/// The head of a pipeline file as tests write it: name, data and schema, each set with a with-method, then the
/// section a test fills (<see cref="Then"/>). The text is laid out line for line as the build's examples are, so
/// that a test can name the line of what it appends.
/// </summary>
public sealed record PipelineYaml
{
    /// <summary>A pipeline named <paramref name="name"/> with its data under <c>data</c> and no schema.</summary>
    public static PipelineYaml Named(string name) => new() { Name = name };

    /// <summary>The pipeline's name.</summary>
    public string Name { get; private init; } = "p";

    /// <summary>Lines of the data section after <c>path: data</c>, without their two-space indent.</summary>
    public IReadOnlyList<string> Data { get; private init; } = [];

    /// <summary>The label column; no schema section when null.</summary>
    public string? Label { get; private init; }

    /// <summary>The label's positive value.</summary>
    public string Positive { get; private init; } = "1";

    /// <summary>The columns as <c>name: type</c>.</summary>
    public IReadOnlyList<string> Columns { get; private init; } = [];

    /// <summary>Lines of <c>schema.protected</c>, without their four-space indent.</summary>
    public IReadOnlyList<string> Protected { get; private init; } = [];

    /// <summary>The same head with <paramref name="lines"/> under <c>data</c> after its path.</summary>
    public PipelineYaml WithData(params string[] lines) => this with { Data = lines };

    /// <summary>The same head with a schema of <paramref name="columns"/> (<c>name: type</c>) and <paramref name="label"/>.</summary>
    public PipelineYaml WithSchema(string label, params string[] columns) => this with { Label = label, Columns = columns };

    /// <summary>The same head with a schema of every column type: id, text, numeric, categorical, boolean and the label <c>default</c>.</summary>
    public PipelineYaml WithEveryColumnType() =>
        WithSchema("default", "id: id", "email: text", "income: numeric", "region: categorical", "owner: boolean", "default: categorical");

    /// <summary>The same head with <paramref name="lines"/> under <c>schema.protected</c>.</summary>
    public PipelineYaml WithProtected(params string[] lines) => this with { Protected = lines };

    /// <summary>The head followed by <paramref name="rest"/>.</summary>
    public string Then(string rest) => this + rest;

    /// <summary>The head's text, ending with a newline.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append("name: ").Append(Name).Append("\ndata:\n  path: data\n");
        foreach (var line in Data)
        {
            text.Append("  ").Append(line).Append('\n');
        }

        if (Label is null)
        {
            return text.ToString();
        }

        text.Append("schema:\n  label: ").Append(Label).Append("\n  positive: \"").Append(Positive).Append("\"\n  columns:\n");
        foreach (var column in Columns)
        {
            var colon = column.IndexOf(':', StringComparison.Ordinal);
            text.Append("    - { name: ").Append(column[..colon]).Append(", type: ").Append(column[(colon + 1)..].Trim()).Append(" }\n");
        }

        if (Protected.Count > 0)
        {
            text.Append("  protected:\n");
            foreach (var line in Protected)
            {
                text.Append("    ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }
}
