using MlOps.Models.Tables;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>A numeric column: missing values become NaN, anything else that is not a number is an error.</summary>
internal sealed class NumberBuilder(ColumnSection column, IReadOnlyList<string> missing, int index) : ColumnBuilder(column, missing, index)
{
    private readonly List<float> values = [];

    public override TableColumn Build() => new NumberColumn(Column.Name, [.. values]);

    protected override void Add(ReadOnlySpan<char> text, bool isMissing, TableReader reader) =>
        values.Add(isMissing ? float.NaN
            : TableReader.Number(text) is { } number ? (float)number
            : throw Error(reader, $"is numeric, but holds '{text}'; fix the value, add it to data.csv.missing, or declare the column categorical."));
}
