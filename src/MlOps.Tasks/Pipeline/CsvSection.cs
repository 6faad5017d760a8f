namespace MlOps.Tasks.Pipeline;

/// <summary>The CSV dialect of <c>data.csv</c>.</summary>
public sealed record CsvSection : PipelineSection
{
    /// <summary>The <see cref="Separator"/> that splits fields at runs of spaces and tabs.</summary>
    public const string Whitespace = "whitespace";

    /// <summary>
    /// The field separator: one character (<c>"\t"</c> in double quotes for tab), or <c>whitespace</c> for fields separated by runs of
    /// spaces and tabs, with whitespace at the start and end of a line ignored (pandas' <c>sep=r"\s+"</c>, as UCI's Statlog files are laid out).
    /// </summary>
    [TextPattern("^(?:whitespace|[^\"\\r\\n])$", "one character other than a quote or line break (\"\\t\" in double quotes for a tab), "
        + "or whitespace (fields separated by runs of spaces and tabs)")]
    public string Separator { get; init; } = ",";

    /// <summary>Whether the first line names the columns; without it, columns are in schema order.</summary>
    public bool Header { get; init; } = true;

    /// <summary>Values that mean "missing", compared after trimming (e.g. <c>?</c>, <c>NA</c>).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [""];

    /// <summary>Whether spaces around values are removed (UCI files put a space after each comma); off by default, as in RFC 4180.</summary>
    public bool Trim { get; init; }
}
