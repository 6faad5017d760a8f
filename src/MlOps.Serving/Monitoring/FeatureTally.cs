namespace MlOps.Serving.Monitoring;

/// <summary>
/// One thread's running totals of the features it has seen: written by that thread alone, without
/// locks or atomic operations, and summed by <see cref="FeatureMetrics"/> when /metrics is read
/// (a 64-bit value is read whole on the 64-bit platforms the server runs on).
/// </summary>
internal sealed class FeatureTally(int columns, int categories)
{
    /// <summary>The thread that writes this tally; once it has ended, its totals are folded into the retired ones.</summary>
    public Thread Owner { get; } = Thread.CurrentThread;

    /// <summary>Values received per column, missing ones included.</summary>
    public long[] Count { get; } = new long[columns];

    /// <summary>Missing values per column.</summary>
    public long[] Missing { get; } = new long[columns];

    /// <summary>Sum of the present values per numeric column.</summary>
    public double[] Sum { get; } = new double[columns];

    /// <summary>Sum of the squares of the present values per numeric column.</summary>
    public double[] Squares { get; } = new double[columns];

    /// <summary>Per categorical column, the count of each category by its slot.</summary>
    public long[][] Categories { get; } = [.. Enumerable.Range(0, columns).Select(_ => new long[categories])];

    /// <summary>Adds <paramref name="other"/>'s totals to these.</summary>
    public void Add(FeatureTally other)
    {
        for (var column = 0; column < Count.Length; column++)
        {
            Count[column] += other.Count[column];
            Missing[column] += other.Missing[column];
            Sum[column] += other.Sum[column];
            Squares[column] += other.Squares[column];
            for (var slot = 0; slot < Categories[column].Length; slot++)
            {
                Categories[column][slot] += other.Categories[column][slot];
            }
        }
    }
}
