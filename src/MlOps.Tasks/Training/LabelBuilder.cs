using MlOps.Models.Tables;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>
/// The label: true where it equals schema.positive; it must have exactly two values and none missing. A third
/// value is reported at its line once the positive value has been seen; until then the pipeline's positive
/// value may be the wrong one, which the checks against the pipeline file say better.
/// </summary>
internal sealed class LabelBuilder(ColumnSection column, IReadOnlyList<string> missing, int index, string positive) : ColumnBuilder(column, missing, index)
{
    private readonly List<bool> values = [];
    private string? negative;
    private InvalidFileException? third;
    private bool positiveSeen;

    /// <exception cref="InvalidFileException">The label holds a third value besides the positive one and another.</exception>
    public override TableColumn Build() =>
        third is not null && positiveSeen ? throw third : new FlagColumn(Column.Name, [.. values]);

    protected override void Add(ReadOnlySpan<char> text, bool isMissing, TableReader reader)
    {
        if (isMissing)
        {
            throw Error(reader, "is the label and is missing; every training row needs a label.");
        }

        if (text.SequenceEqual(positive))
        {
            positiveSeen = true;
            values.Add(true);
            return;
        }

        negative ??= text.ToString();
        if (!text.SequenceEqual(negative))
        {
            third ??= Error(reader, $"is the label and holds a third value '{text}' besides '{positive}' and '{negative}'; binary classification needs two.");
            if (positiveSeen)
            {
                throw third;
            }
        }

        values.Add(false);
    }
}
