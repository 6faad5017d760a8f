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
    private const int ExamplesPerValue = 20;
    private readonly Dictionary<UInt128, Place> seen = [];
    private readonly Dictionary<UInt128, Duplicate> duplicates = [];
    private long nonNull;

    protected override string Wanted => "unique";

    public override void Observe(in Cell cell)
    {
        CountElement();
        if (cell.IsMissing)
        {
            CountMissing();
            return;
        }

        nonNull++;
        var key = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(cell.Text));
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out var exists);
        if (!exists)
        {
            first = new Place(cell.Row, cell.Line);
            return;
        }

        if (!duplicates.TryGetValue(key, out var duplicate))
        {
            duplicate = new Duplicate(cell.Text.ToString(), [first]);
            duplicates[key] = duplicate;
        }

        if (duplicate.Places.Count < ExamplesPerValue)
        {
            duplicate.Places.Add(new Place(cell.Row, cell.Line));
        }

        duplicate.Count++;
    }

    public override ExpectationResult Finish(TableFacts facts)
    {
        // Every occurrence of a duplicated value is unexpected; the first twenty are shown in row order.
        var examples = duplicates.Values
            .SelectMany(d => d.Places.Select(p => (d.Value, Place: p)))
            .OrderBy(e => e.Place.Row)
            .ToList();
        foreach (var (value, place) in examples)
        {
            Unexpected(value, new Cell(value, false, null, place.Row, place.Line));
        }

        var unexpected = duplicates.Values.Sum(d => d.Count + 1);
        return Complete(nonNull, nonNull == 0 ? 0 : 100.0 * unexpected / nonNull, unexpected);
    }

    protected override bool IsExpected(in Cell cell) => true;

    private readonly record struct Place(long Row, long Line);

    /// <summary>A value seen more than once: its text, where it stood (up to twenty places) and how often after the first.</summary>
    private sealed class Duplicate(string value, List<Place> places)
    {
        public string Value { get; } = value;

        public List<Place> Places { get; } = places;

        public long Count { get; set; }
    }
}
