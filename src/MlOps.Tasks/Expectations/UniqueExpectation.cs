using System.IO.Hashing;
using System.Runtime.InteropServices;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>
/// <c>expect_column_values_to_be_unique</c>: every member of a duplicated value is unexpected
/// (GX: [1,2,3,3,3] → 3 unexpected). Like GX it must remember every distinct value; it keeps a
/// 128-bit hash of each (xxHash128: a collision among 10^10 values has odds below 10^-18) and the
/// text only of values seen twice, about 50 bytes per distinct value.
/// </summary>
internal sealed class UniqueExpectation(ExpectationSection spec, string column) : ColumnMapExpectation(spec, column)
{
    private readonly Dictionary<UInt128, FirstSeen> seen = [];
    private readonly Dictionary<UInt128, Duplicate> duplicates = [];
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
        var key = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(cell.Text));
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out var exists);
        if (!exists)
        {
            first = new FirstSeen(cell.Row, cell.Line);
            return;
        }

        ref var duplicate = ref CollectionsMarshal.GetValueRefOrAddDefault(duplicates, key, out var known);
        duplicate = known ? duplicate with { Count = duplicate.Count + 1 } : new Duplicate(cell.Text.ToString(), 2, first, new FirstSeen(cell.Row, cell.Line));
    }

    public override ExpectationResult Finish(TableFacts facts)
    {
        foreach (var duplicate in duplicates.Values.OrderBy(d => d.First.Row))
        {
            for (var i = 0; i < duplicate.Count; i++)
            {
                var at = i == 0 ? duplicate.First : duplicate.Second;
                Unexpected(duplicate.Value, new Cell(duplicate.Value, false, null, at.Row, at.Line));
            }
        }

        return Complete(nonNull, nonNull == 0 ? 0 : 100.0 * UnexpectedCount / nonNull);
    }

    protected override bool IsExpected(in Cell cell) => true;

    private readonly record struct FirstSeen(long Row, long Line);

    /// <summary>A value seen more than once; examples show its first two rows, the count covers all.</summary>
    private readonly record struct Duplicate(string Value, long Count, FirstSeen First, FirstSeen Second);
}
