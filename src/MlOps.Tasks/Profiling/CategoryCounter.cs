namespace MlOps.Tasks.Profiling;

/// <summary>Counts category values without allocating for values already seen; at most <see cref="Limit"/> distinct, the rest pooled.</summary>
internal sealed class CategoryCounter
{
    public const int Limit = 10_000;

    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    /// <summary>Values past the distinct limit.</summary>
    public long Other { get; private set; }

    public IReadOnlyDictionary<string, long> Counts => counts;

    public void Add(ReadOnlySpan<char> value)
    {
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var count))
        {
            lookup[value] = count + 1;
        }
        else if (counts.Count < Limit)
        {
            lookup[value] = 1;
        }
        else
        {
            Other++;
        }
    }
}
