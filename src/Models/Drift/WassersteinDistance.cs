namespace MlOps.Models.Drift;

/// <summary>
/// The first Wasserstein (earth mover's) distance between two samples, <c>scipy.stats.wasserstein_distance(u, v)</c>:
/// the area between their empirical CDFs, ∫ |F_u − F_v|. Evidently's default for numeric columns of more than
/// 1000 reference rows divides it by the reference's spread (<see cref="Normed"/>).
/// </summary>
public static class WassersteinDistance
{
    /// <summary>The smallest spread <see cref="Normed"/> divides by, Evidently's floor for a (nearly) constant reference.</summary>
    public const double MinimumSpread = 0.001;

    /// <summary>The distance in the samples' own units; each sample is sorted once and both are walked together.</summary>
    /// <param name="reference">The reference values, missing values already dropped.</param>
    /// <param name="current">The current values, missing values already dropped.</param>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN.</exception>
    public static double Compute(ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        Compute(Samples.SortedCopy(reference, nameof(reference)), Samples.SortedCopy(current, nameof(current)));

    /// <summary>
    /// Evidently's normed distance: the distance divided by the reference's population standard deviation
    /// (<c>np.std</c>, divisor n), or by <see cref="MinimumSpread"/> if that is smaller. Drift from 0.1.
    /// </summary>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN.</exception>
    public static double Normed(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var first = Samples.SortedCopy(reference, nameof(reference));
        var second = Samples.SortedCopy(current, nameof(current));
        return Compute(first, second) / Math.Max(PopulationStandardDeviation(reference), MinimumSpread);
    }

    /// <summary>√(Σ (x − x̄)² / n) in two passes, each sum pairwise as numpy's.</summary>
    internal static double PopulationStandardDeviation(ReadOnlySpan<double> values)
    {
        var mean = PairwiseSum.Of(values) / values.Length;
        var squares = new double[values.Length];
        for (var i = 0; i < squares.Length; i++)
        {
            var deviation = values[i] - mean;
            squares[i] = deviation * deviation;
        }

        return Math.Sqrt(PairwiseSum.Of(squares) / values.Length);
    }

    /// <summary>
    /// Σ |F_u(aₜ) − F_v(aₜ)| (aₜ₊₁ − aₜ) over the merged values aₜ, the CDFs counting values ≤ aₜ; the terms
    /// are laid out as scipy's arrays are and summed pairwise, so the sum agrees to the last bits.
    /// </summary>
    private static double Compute(double[] u, double[] v)
    {
        var merged = new double[u.Length + v.Length];
        var (i, j, t) = (0, 0, 0);
        while (i < u.Length || j < v.Length)
        {
            merged[t++] = j == v.Length || (i < u.Length && u[i] <= v[j]) ? u[i++] : v[j++];
        }

        // Each term overwrites the value it starts from, which is no longer needed.
        (i, j) = (0, 0);
        for (t = 0; t < merged.Length - 1; t++)
        {
            var value = merged[t];
            while (i < u.Length && u[i] <= value)
            {
                i++;
            }

            while (j < v.Length && v[j] <= value)
            {
                j++;
            }

            merged[t] = Math.Abs((double)i / u.Length - (double)j / v.Length) * (merged[t + 1] - value);
        }

        return PairwiseSum.Of(merged.AsSpan(0, merged.Length - 1));
    }
}
