using MlOps.Models.Tables;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tables;

namespace MlOps.Tasks.Training;

/// <summary>A boolean column as 1/0 (true/false, yes/no, 1/0 in any case); missing values become NaN.</summary>
internal sealed class BooleanBuilder(ColumnSection column, IReadOnlyList<string> missing, int index) : ColumnBuilder(column, missing, index)
{
    private readonly List<float> values = [];

    public override TableColumn Build() => new NumberColumn(Column.Name, [.. values]);

    protected override void Add(ReadOnlySpan<char> text, bool isMissing, TableReader reader) =>
        values.Add(isMissing ? float.NaN
            : Is(text, "true", "yes", "1") ? 1
            : Is(text, "false", "no", "0") ? 0
            : throw Error(reader, $"is boolean, but holds '{text}'; expected true/false, yes/no or 1/0."));

    private static bool Is(ReadOnlySpan<char> text, string word, string yesNo, string digit) =>
        text.Equals(word, StringComparison.OrdinalIgnoreCase) || text.Equals(yesNo, StringComparison.OrdinalIgnoreCase) || text.SequenceEqual(digit);
}
