using MlOps.Models.Tables;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>A categorical, text or id column; missing values become empty, repeated values share one string.</summary>
internal sealed class TextBuilder(ColumnSection column, IReadOnlyList<string> missing, int index) : ColumnBuilder(column, missing, index)
{
    private readonly List<string> values = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly bool shared = column.Type == ColumnType.Categorical;

    public override TableColumn Build() => new TextColumn(Column.Name, [.. values]);

    protected override void Add(ReadOnlySpan<char> text, bool isMissing, TableReader reader)
    {
        if (isMissing)
        {
            values.Add("");
        }
        else if (shared)
        {
            var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(text, out var value))
            {
                value = text.ToString();
                seen.Add(value);
            }

            values.Add(value);
        }
        else
        {
            values.Add(text.ToString());
        }
    }
}
