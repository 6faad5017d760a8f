using System.Globalization;

namespace MlOps.Serving.Requests;

/// <summary>
/// Where in the request a value is, for messages: <c>dataframe_records[3].age</c>,
/// <c>dataframe_split.data[3][1]</c>, <c>inputs.age[3]</c> or <c>Line 4</c>. Kept as parts and
/// written out only when a message needs it, so valid requests pay nothing for it.
/// </summary>
internal readonly record struct ValueLocation(ValueLocation.Shape Kind, string Container, int Row, string Column, int Index)
{
    public enum Shape
    {
        Record,
        Split,
        Columnar,
        CsvLine,
    }

    /// <summary>What in the request names the value's column: <c>dataframe_records[3]</c>, <c>dataframe_split.columns</c>, <c>The CSV header</c>, <c>inputs</c>.</summary>
    public string Namer => Kind switch
    {
        Shape.Record => string.Create(CultureInfo.InvariantCulture, $"{Container}[{Row}]"),
        Shape.Split => "dataframe_split.columns",
        Shape.CsvLine => "The CSV header",
        _ => Container,
    };

    public override string ToString() => Kind switch
    {
        Shape.Record => string.Create(CultureInfo.InvariantCulture, $"{Container}[{Row}].{Column}"),
        Shape.Split => string.Create(CultureInfo.InvariantCulture, $"{Container}[{Row}][{Index}]"),
        Shape.Columnar => string.Create(CultureInfo.InvariantCulture, $"{Container}.{Column}[{Row}]"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Line {Index}"),
    };
}
