using System.Runtime.InteropServices;

namespace MlOps.Tasks.Profiling;

/// <summary>
/// Statistics of a numeric column in one pass. The first <see cref="ExactLimit"/> values are kept,
/// so quantiles, mean and standard deviation are exact (two-pass) up to that count; past it a
/// uniform reservoir keeps memory flat, and the moments of the extra values (Welford) are merged in.
/// </summary>
internal sealed class NumericSummary
{
    /// <summary>How many values are kept; quantiles are exact up to this count.</summary>
    public const int ExactLimit = 1_000_000;

    private readonly List<double> values = [];
    private ulong reservoirState = 0x2545F4914F6CDD1DUL;
    private bool sorted;
    private Moments? kept;
    private Moments overflow;

    public long Count { get; private set; }

    public double Min { get; private set; } = double.NaN;

    public double Max { get; private set; } = double.NaN;

    public double Mean => Count == 0 ? double.NaN : Total().Mean;

    /// <summary>Sample standard deviation (N − 1), as GX and pandas compute it.</summary>
    public double StandardDeviation => Count < 2 ? double.NaN : Math.Sqrt(Total().M2 / (Count - 1));

    /// <summary>Whether quantiles come from a reservoir sample rather than every value.</summary>
    public bool IsApproximate => Count > ExactLimit;

    public void Add(double value)
    {
        Count++;
        Min = Count == 1 ? value : Math.Min(Min, value);
        Max = Count == 1 ? value : Math.Max(Max, value);
        if (Count <= ExactLimit)
        {
            values.Add(value);
            sorted = false;
            return;
        }

        overflow = overflow.Add(value);
        kept ??= Moments.Of(CollectionsMarshal.AsSpan(values));

        // Algorithm R with a fixed xorshift seed: a uniform sample, the same on every run.
        reservoirState ^= reservoirState << 13;
        reservoirState ^= reservoirState >> 7;
        reservoirState ^= reservoirState << 17;
        var slot = (long)(reservoirState % (ulong)Count);
        if (slot < ExactLimit)
        {
            values[(int)slot] = value;
            sorted = false;
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

        // The values are sorted: walk them once, moving to the next bin as edges are passed.
        var bin = 0;
        foreach (var value in Sorted())
        {
            while (bin < counts.Length - 1 && value >= edges[bin + 1])
            {
                bin++;
            }

            counts[bin]++;
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

    private Moments Total() => Moments.Merge(kept ?? Moments.Of(CollectionsMarshal.AsSpan(values)), overflow);

    private List<double> Sorted()
    {
        if (!sorted)
        {
            RadixSort.Sort(CollectionsMarshal.AsSpan(values));
            sorted = true;
        }

        return values;
    }

    /// <summary>Count, mean and sum of squared deviations; merged with Chan et al.'s formula.</summary>
    private readonly record struct Moments(long N, double Mean, double M2)
    {
        public static Moments Of(ReadOnlySpan<double> values)
        {
            if (values.IsEmpty)
            {
                return default;
            }

            var sum = 0.0;
            foreach (var v in values)
            {
                sum += v;
            }

            var mean = sum / values.Length;
            var m2 = 0.0;
            foreach (var v in values)
            {
                m2 += (v - mean) * (v - mean);
            }

            return new Moments(values.Length, mean, m2);
        }

        public Moments Add(double value)
        {
            var n = N + 1;
            var delta = value - Mean;
            var mean = Mean + (delta / n);
            return new Moments(n, mean, M2 + (delta * (value - mean)));
        }

        public static Moments Merge(Moments a, Moments b)
        {
            if (b.N == 0)
            {
                return a;
            }

            var n = a.N + b.N;
            var delta = b.Mean - a.Mean;
            return new Moments(n, a.Mean + (delta * b.N / n), a.M2 + b.M2 + (delta * delta * a.N * b.N / n));
        }
    }
}
