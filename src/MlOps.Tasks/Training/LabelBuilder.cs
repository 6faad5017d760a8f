using MlOps.Models.Tables;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tables;

namespace MlOps.Tasks.Training;

/// <summary>The label: true where it equals schema.positive; it must have exactly two values and none missing.</summary>
internal sealed class LabelBuilder(ColumnSection column, IReadOnlyList<string> missing, int index, string positive) : ColumnBuilder(column, missing, index)
{
    private readonly List<bool> values = [];
    private string? negative;

    public override TableColumn Build() => new FlagColumn(Column.Name, [.. values]);

    protected override void Add(ReadOnlySpan<char> text, bool isMissing, TableReader reader)
    {
        if (isMissing)
        {
            throw Error(reader, "is the label and is missing; every training row needs a label.");
        }

        if (text.SequenceEqual(positive))
        {
            values.Add(true);
            return;
        }

        negative ??= text.ToString();
        if (!text.SequenceEqual(negative))
        {
            throw Error(reader, $"is the label and holds a third value '{text}' besides '{positive}' and '{negative}'; binary classification needs two.");
        }

        values.Add(false);
    }
}
