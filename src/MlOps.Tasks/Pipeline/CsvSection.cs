namespace MlOps.Tasks.Pipeline;

/// <summary>The CSV dialect of <c>data.csv</c>.</summary>
public sealed record CsvSection : PipelineSection
{
    /// <summary>The field separator, one character (<c>\t</c> for tab).</summary>
    public string Separator { get; init; } = ",";

    /// <summary>Whether the first line names the columns; without it, columns are in schema order.</summary>
    public bool Header { get; init; } = true;

    /// <summary>Values that mean "missing", compared after trimming (e.g. <c>?</c>, <c>NA</c>).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [""];

    /// <summary>Whether spaces around values are removed (UCI files put a space after each comma); off by default, as in RFC 4180.</summary>
    public bool Trim { get; init; }
}
