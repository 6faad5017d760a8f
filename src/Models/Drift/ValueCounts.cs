namespace MlOps.Models.Drift;

/// <summary>How many rows of a sample hold each value, values in the order first seen, as pandas' <c>value_counts</c> counts them.</summary>
internal sealed class ValueCounts<T>
    where T : notnull
{
    private readonly Dictionary<T, long> counts = [];
    private readonly List<T> values = [];

    private ValueCounts()
    {
    }

    /// <summary>The distinct values, in the order first seen.</summary>
    public IReadOnlyList<T> Values => values;

    /// <summary>Rows counted.</summary>
    public long Rows { get; private set; }

    /// <summary>Rows holding <paramref name="value"/>; 0 for a value the sample lacks.</summary>
    public long this[T value] => counts.GetValueOrDefault(value);

    public static ValueCounts<T> Of(IEnumerable<T> sample, string parameter)
    {
        ArgumentNullException.ThrowIfNull(sample, parameter);
        var result = new ValueCounts<T>();
        foreach (var value in sample)
        {
            result.Add(value, 1);
        }

        Samples.RequireRows(result.Rows, parameter);
        return result;
    }

    public static ValueCounts<T> FromCounts(IReadOnlyDictionary<T, long> counts, string parameter)
    {
        ArgumentNullException.ThrowIfNull(counts, parameter);
        var result = new ValueCounts<T>();
        foreach (var (value, count) in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, parameter);
            if (count > 0)
            {
                result.Add(value, count);
            }
        }

        Samples.RequireRows(result.Rows, parameter);
        return result;
    }

    /// <summary>The values of <paramref name="first"/> then those only <paramref name="second"/> holds.</summary>
    public static List<T> Union(ValueCounts<T> first, ValueCounts<T> second) =>
        [.. first.values, .. second.values.Where(v => !first.counts.ContainsKey(v))];

    private void Add(T value, long count)
    {
        if (counts.TryGetValue(value, out var seen))
        {
            counts[value] = seen + count;
        }
        else
        {
            counts[value] = count;
            values.Add(value);
        }

        Rows += count;
    }
}
