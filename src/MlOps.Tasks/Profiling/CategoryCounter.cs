using System.Runtime.InteropServices;

namespace MlOps.Tasks.Profiling;

/// <summary>Counts category values without allocating for values already seen; at most <see cref="Limit"/> distinct, the rest pooled.</summary>
internal sealed class CategoryCounter
{
    public const int Limit = 10_000;

    private readonly Dictionary<string, long> counts;
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public CategoryCounter()
    {
        counts = new Dictionary<string, long>(StringComparer.Ordinal);
        lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Values past the distinct limit.</summary>
    public long Other { get; private set; }

    public IReadOnlyDictionary<string, long> Counts => counts;

    public void Add(ReadOnlySpan<char> value)
    {
        if (counts.Count < Limit)
        {
            // One hash lookup per value, and a string only for a value not seen before.
            CollectionsMarshal.GetValueRefOrAddDefault(lookup, value, out _)++;
        }
        else if (lookup.TryGetValue(value, out var count))
        {
            lookup[value] = count + 1;
        }
        else
        {
            Other++;
        }
    }
}
