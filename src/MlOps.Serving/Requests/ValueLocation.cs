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

    public override string ToString() => Kind switch
    {
        Shape.Record => string.Create(CultureInfo.InvariantCulture, $"{Container}[{Row}].{Column}"),
        Shape.Split => string.Create(CultureInfo.InvariantCulture, $"{Container}[{Row}][{Index}]"),
        Shape.Columnar => string.Create(CultureInfo.InvariantCulture, $"{Container}.{Column}[{Row}]"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Line {Index}"),
    };
}
