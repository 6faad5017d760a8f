namespace MlOps.Models.Drift;

/// <summary>
/// The Hellinger distance √(1 − Σ √(p_ref · p_cur)) as Evidently's <c>hellinger</c> stattest computes it,
/// between 0 (same distribution) and 1 (no overlap). Unlike PSI, Evidently neither fills empty bins nor
/// uses <see cref="DriftBinning"/> here: categories compare their shares directly, and numbers are cut into
/// Sturges bins over their distinct values and compare densities times the bin width.
/// </summary>
public static class HellingerDistance
{
    /// <summary>The distance between two numeric samples.</summary>
    /// <param name="reference">The reference values, missing values already dropped.</param>
    /// <param name="current">The current values, missing values already dropped.</param>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN.</exception>
    public static double OfNumbers(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        Samples.RequireValues(reference, nameof(reference));
        Samples.RequireValues(current, nameof(current));
        var distinct = new HashSet<double>(reference.Length);
        foreach (var value in reference)
        {
            distinct.Add(value);
        }

        foreach (var value in current)
        {
            distinct.Add(value);
        }

        var edges = DriftBinning.SturgesEdges([.. distinct]);
        var first = Densities(reference, edges);
        var second = Densities(current, edges);
        var width = (edges[^1] - edges[0]) / (edges.Length - 1);
        var overlap = 0.0;
        for (var bin = 0; bin < first.Length; bin++)
        {
            overlap += Math.Sqrt(first[bin] * second[bin]) * width;
        }

        return Math.Sqrt(1 - Math.Clamp(overlap, 0, 1));
    }

    /// <summary>The distance between two categorical samples (or numbers taken as categories).</summary>
    /// <exception cref="ArgumentException">A sample is empty.</exception>
    public static double OfCategories<T>(IEnumerable<T> reference, IEnumerable<T> current)
        where T : notnull
    {
        var first = ValueCounts<T>.Of(reference, nameof(reference));
        var second = ValueCounts<T>.Of(current, nameof(current));
        var overlap = 0.0;
        foreach (var value in ValueCounts<T>.Union(first, second))
        {
            overlap += Math.Sqrt((double)first[value] / first.Rows * ((double)second[value] / second.Rows));
        }

        return Math.Sqrt(1 - Math.Clamp(overlap, 0, 1));
    }

    /// <summary>numpy's <c>histogram(values, edges, density=True)</c>: count / bin width / rows counted.</summary>
    private static double[] Densities(ReadOnlySpan<double> values, double[] edges)
    {
        var counts = DriftBinning.Counts(values, edges);
        var total = (double)counts.Sum();
        var densities = new double[counts.Length];
        for (var bin = 0; bin < counts.Length; bin++)
        {
            densities[bin] = counts[bin] / (edges[bin + 1] - edges[bin]) / total;
        }

        return densities;
    }
}
