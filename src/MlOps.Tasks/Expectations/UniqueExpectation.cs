using System.Runtime.InteropServices;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>
/// <c>expect_column_values_to_be_unique</c>: every member of a duplicated value is unexpected
/// (GX: [1,2,3,3,3] → 3 unexpected). Memory grows with the number of distinct values, as in GX.
/// </summary>
internal sealed class UniqueExpectation : ColumnMapExpectation
{
    private readonly Dictionary<string, Occurrences> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Occurrences>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private long nonNull;

    public UniqueExpectation(ExpectationSection spec, string column)
        : base(spec, column)
    {
        lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    protected override string Wanted => "unique";

    public override void Observe(in Cell cell)
    {
        CountElement();
        if (cell.IsMissing)
        {
            return;
        }

        nonNull++;
        ref var occurrences = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, cell.Text, out var exists);
        if (!exists)
        {
            occurrences = new Occurrences(1, cell.Row, cell.Line, -1, -1);
        }
        else if (occurrences.Count++ == 1)
        {
            occurrences = occurrences with { SecondRow = cell.Row, SecondLine = cell.Line };
        }
    }

    public override ExpectationResult Finish(TableFacts facts)
    {
        var duplicated = seen.Where(s => s.Value.Count > 1).OrderBy(s => s.Value.FirstRow).ToList();
        foreach (var (value, occurrences) in duplicated)
        {
            for (var i = 0; i < occurrences.Count; i++)
            {
                var (row, line) = i == 0 ? (occurrences.FirstRow, occurrences.FirstLine) : (occurrences.SecondRow, occurrences.SecondLine);
                Unexpected(value, new Cell(value, false, null, row, line));
            }
        }

        return Complete(nonNull, nonNull == 0 ? 0 : 100.0 * UnexpectedCount / nonNull);
    }

    protected override bool IsExpected(in Cell cell) => true;

    /// <summary>How often a value occurred, and where first and second (examples show at most two rows per value).</summary>
    private record struct Occurrences(long Count, long FirstRow, long FirstLine, long SecondRow, long SecondLine);
}
