using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>
/// <c>expect_column_values_to_be_unique</c>: every member of a duplicated value is unexpected
/// (GX: [1,2,3,3,3] → 3 unexpected). Memory grows with the number of distinct values, as in GX.
/// </summary>
internal sealed class UniqueExpectation(ExpectationSection spec, string column) : ColumnMapExpectation(spec, column)
{
    private readonly Dictionary<string, Occurrences> seen = new(StringComparer.Ordinal);
    private long nonNull;

    protected override string Wanted => "unique";

    public override void Observe(in Cell cell)
    {
        CountElement();
        if (cell.IsMissing)
        {
            return;
        }

        nonNull++;
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(cell.Text, out var occurrences))
        {
            occurrences.Count++;
            occurrences.Second ??= (cell.Row, cell.Line);
        }
        else
        {
            lookup[cell.Text] = new Occurrences { First = (cell.Row, cell.Line) };
        }
    }

    public override ExpectationResult Finish(TableFacts facts)
    {
        var duplicated = seen.Where(s => s.Value.Count > 1).OrderBy(s => s.Value.First.Row).ToList();
        foreach (var (value, occurrences) in duplicated)
        {
            for (var i = 0; i < occurrences.Count; i++)
            {
                var (row, line) = i == 0 ? occurrences.First : occurrences.Second!.Value;
                Unexpected(value, new Cell(value, false, null, row, line));
            }
        }

        return Complete(nonNull, nonNull == 0 ? 0 : 100.0 * UnexpectedCount / nonNull);
    }

    protected override bool IsExpected(in Cell cell) => true;

    private sealed class Occurrences
    {
        public long Count { get; set; } = 1;

        public (long Row, long Line) First { get; init; }

        /// <summary>The second occurrence; later ones are counted, not kept (examples show at most two rows per value).</summary>
        public (long Row, long Line)? Second { get; set; }
    }
}
