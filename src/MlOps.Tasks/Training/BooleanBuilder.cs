using MlOps.Models.Tables;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>A boolean column as 1/0 (true/false, yes/no, 1/0 in any case); missing values become NaN.</summary>
internal sealed class BooleanBuilder(ColumnSection column, IReadOnlyList<string> missing, int index) : ColumnBuilder(column, missing, index)
{
    private readonly List<float> values = [];

    public override TableColumn Build() => new NumberColumn(Column.Name, [.. values]);

    protected override void Add(ReadOnlySpan<char> text, bool isMissing, TableReader reader) =>
        values.Add(isMissing ? float.NaN
            : BooleanText.Parse(text) is { } value ? (value ? 1 : 0)
            : throw Error(reader, $"is boolean, but holds '{text}'; expected true/false, yes/no or 1/0."));
}
