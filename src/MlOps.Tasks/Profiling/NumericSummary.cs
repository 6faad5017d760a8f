namespace MlOps.Tasks.Profiling;

/// <summary>
/// Running statistics of a numeric column in one pass: count, min, max, mean and sample standard
/// deviation (Welford), and the values themselves for exact quantiles up to
/// <see cref="ExactLimit"/>; past that a uniform reservoir of that many values keeps memory flat.
/// </summary>
internal sealed class NumericSummary
{
    /// <summary>How many values are kept; quantiles are exact up to this count.</summary>
    public const int ExactLimit = 1_000_000;

    private readonly List<double> values = [];
    private ulong reservoirState = 0x2545F4914F6CDD1DUL;
    private double mean;
    private double m2;
    private bool sorted;

    public long Count { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public double Mean => Count == 0 ? double.NaN : mean;

    /// <summary>Sample standard deviation (N − 1), as GX and pandas compute it.</summary>
    public double StandardDeviation => Count < 2 ? double.NaN : Math.Sqrt(m2 / (Count - 1));

    /// <summary>Whether quantiles come from a reservoir sample rather than every value.</summary>
    public bool IsApproximate => Count > ExactLimit;

    public void Add(double value)
    {
        Count++;
        var delta = value - mean;
        mean += delta / Count;
        m2 += delta * (value - mean);
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        sorted = false;
        if (values.Count < ExactLimit)
        {
            values.Add(value);
            return;
        }

        // Algorithm R with a fixed xorshift seed: a uniform sample, the same on every run.
        reservoirState ^= reservoirState << 13;
        reservoirState ^= reservoirState >> 7;
        reservoirState ^= reservoirState << 17;
        var slot = (long)(reservoirState % (ulong)Count);
        if (slot < ExactLimit)
        {
            values[(int)slot] = value;
        }
    }

    /// <summary>The median as pandas computes it: the mean of the two middle values for an even count.</summary>
    public double Median()
    {
        var sortedValues = Sorted();
        if (sortedValues.Count == 0)
        {
            return double.NaN;
        }

        var middle = sortedValues.Count / 2;
        return sortedValues.Count % 2 == 1 ? sortedValues[middle] : (sortedValues[middle - 1] + sortedValues[middle]) / 2;
    }

    /// <summary>
    /// The <paramref name="q"/>-quantile with numpy's "nearest" method, which GX uses on pandas:
    /// the value at position q·(n−1), rounded half to even.
    /// </summary>
    public double Quantile(double q)
    {
        var sortedValues = Sorted();
        return sortedValues.Count == 0 ? double.NaN : sortedValues[(int)Math.Round(q * (sortedValues.Count - 1), MidpointRounding.ToEven)];
    }

    /// <summary>How many kept values fall in each bin of <paramref name="edges"/>, scaled to <see cref="Count"/>.</summary>
    public long[] Histogram(IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var counts = new long[Math.Max(edges.Count - 1, 0)];
        if (counts.Length == 0)
        {
            return counts;
        }

        foreach (var value in Sorted())
        {
            counts[Bin(edges, value)]++;
        }

        if (IsApproximate)
        {
            var scale = (double)Count / values.Count;
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = (long)Math.Round(counts[i] * scale);
            }
        }

        return counts;
    }

    /// <summary>The bin of <paramref name="value"/>: [e0, e1), [e1, e2), …, the last bin closed; outside values go to the end bins.</summary>
    public static int Bin(IReadOnlyList<double> edges, double value)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var low = 0;
        var high = edges.Count - 2;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (value >= edges[middle])
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private List<double> Sorted()
    {
        if (!sorted)
        {
            values.Sort();
            sorted = true;
        }

        return values;
    }
}
