using System.Globalization;

namespace MlOps.Models.Drift;

/// <summary>
/// Cuts two samples into the same bins as Evidently's <c>get_binned_data</c>: numbers with more than
/// <see cref="MaxDistinctForValueBins"/> distinct reference values into equal-width Sturges bins over
/// both samples together, anything else one bin per value either sample holds.
/// </summary>
public static class DriftBinning
{
    /// <summary>The most distinct reference values a numeric column may have and still get one bin per value.</summary>
    public const int MaxDistinctForValueBins = 20;

    /// <summary>Bins a numeric column the way Evidently does (see <see cref="DriftBinning"/>).</summary>
    /// <param name="reference">The reference values, missing values already dropped.</param>
    /// <param name="current">The current values, missing values already dropped.</param>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN.</exception>
    public static BinnedShares Bin(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        Samples.RequireValues(reference, nameof(reference));
        Samples.RequireValues(current, nameof(current));
        if (!HasMoreDistinctThan(reference, MaxDistinctForValueBins))
        {
            return BinValues(reference.ToArray(), current.ToArray());
        }

        var first = FiniteRange(reference, nameof(reference));
        var second = FiniteRange(current, nameof(current));
        var edges = SturgesEdges(Math.Min(first.Low, second.Low), Math.Max(first.High, second.High), reference.Length + current.Length);
        return new BinnedShares { Reference = Shares(reference, edges), Current = Shares(current, edges), Edges = edges };
    }

    /// <summary>One bin per value either sample holds, reference values first in the order first seen.</summary>
    /// <exception cref="ArgumentException">A sample is empty.</exception>
    public static BinnedShares BinValues<T>(IEnumerable<T> reference, IEnumerable<T> current)
        where T : notnull
    {
        var first = ValueCounts<T>.Of(reference, nameof(reference));
        var second = ValueCounts<T>.Of(current, nameof(current));
        var values = ValueCounts<T>.Union(first, second);
        return new BinnedShares
        {
            Reference = [.. values.Select(v => (double)first[v] / first.Rows)],
            Current = [.. values.Select(v => (double)second[v] / second.Rows)],
        };
    }

    /// <summary>
    /// numpy's <c>histogram_bin_edges(values, bins="sturges")</c>: ⌈range / width⌉ equal bins of width
    /// range / (log₂ n + 1) from the smallest value to the largest (one bin of width 1 around a
    /// constant), the edges placed as <c>linspace</c> places them.
    /// </summary>
    /// <exception cref="ArgumentException">There are no values, or one is NaN or infinite.</exception>
    public static double[] SturgesEdges(ReadOnlySpan<double> values)
    {
        Samples.RequireValues(values, nameof(values));
        var (low, high) = FiniteRange(values, nameof(values));
        return SturgesEdges(low, high, values.Length);
    }

    private static double[] SturgesEdges(double low, double high, int count)
    {
        var width = (high - low) / (Math.Log2(count) + 1.0);
        var bins = width > 0 ? (int)Math.Ceiling((high - low) / width) : 1;
        if (low == high)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var step = (high - low) / bins;
        var edges = new double[bins + 1];
        for (var i = 0; i < bins; i++)
        {
            edges[i] = i * step + low;
        }

        edges[bins] = high;
        return edges;
    }

    private static (double Low, double High) FiniteRange(ReadOnlySpan<double> values, string parameter)
    {
        var (low, high) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var value in values)
        {
            (low, high) = (Math.Min(low, value), Math.Max(high, value));
        }

        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"The {parameter} sample ranges over [{low}, {high}]; equal-width bins need finite values."),
                parameter);
        }

        return (low, high);
    }

    /// <summary>
    /// Rows per bin as numpy's <c>histogram(values, edges)</c> counts them: bin i holds [edge i, edge i+1),
    /// the last bin also its upper edge; values outside the edges are not counted.
    /// </summary>
    internal static long[] Counts(ReadOnlySpan<double> values, double[] edges)
    {
        var counts = new long[edges.Length - 1];
        var (first, last) = (edges[0], edges[^1]);
        var step = (last - first) / counts.Length;
        foreach (var value in values)
        {
            if (value < first || value > last)
            {
                continue;
            }

            // Equal widths give the bin to within one; the edges themselves settle it.
            var bin = step > 0 ? Math.Clamp((int)((value - first) / step), 0, counts.Length - 1) : 0;
            while (bin > 0 && value < edges[bin])
            {
                bin--;
            }

            while (bin < counts.Length - 1 && value >= edges[bin + 1])
            {
                bin++;
            }

            counts[bin]++;
        }

        return counts;
    }

    private static double[] Shares(ReadOnlySpan<double> values, double[] edges)
    {
        var rows = values.Length;
        return [.. Counts(values, edges).Select(c => (double)c / rows)];
    }

    private static bool HasMoreDistinctThan(ReadOnlySpan<double> values, int limit)
    {
        var seen = new HashSet<double>();
        foreach (var value in values)
        {
            if (seen.Add(value) && seen.Count > limit)
            {
                return true;
            }
        }

        return false;
    }
}
