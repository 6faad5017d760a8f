using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>
/// <c>expect_column_values_to_be_of_type</c>: each value reads as the type — int, float (finite),
/// bool (true/false, yes/no, 1/0) or str. Also how the schema check finds unparsable values.
/// </summary>
internal sealed class OfTypeExpectation(ExpectationSection spec, string column, string type) : ColumnMapExpectation(spec, column)
{
    /// <summary>GX's type names (pandas dtypes) mapped to the kinds this reader can check.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["int"] = "int", ["int64"] = "int", ["integer"] = "int",
        ["float"] = "float", ["float64"] = "float", ["number"] = "float",
        ["bool"] = "bool", ["boolean"] = "bool",
        ["str"] = "str", ["string"] = "str", ["object"] = "str",
    };

    private readonly string kind = Types[type];

    public override bool NeedsNumbers => kind == "float";

    protected override string Wanted => kind switch
    {
        "int" => "whole numbers",
        "float" => "finite numbers",
        "bool" => "true/false",
        _ => "text",
    };

    /// <summary>Whether <paramref name="text"/> is a boolean as CSV files write them.</summary>
    public static bool IsBoolean(ReadOnlySpan<char> text) => Models.Tables.BooleanText.Parse(text) is not null;

    protected override bool IsExpected(in Cell cell) => kind switch
    {
        "int" => long.TryParse(cell.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "float" => cell.Number is { } number && double.IsFinite(number),
        "bool" => IsBoolean(cell.Text),
        _ => true,
    };
}
