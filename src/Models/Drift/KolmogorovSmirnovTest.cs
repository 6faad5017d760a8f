namespace MlOps.Models.Drift;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test, two-sided, exactly as <c>scipy.stats.ks_2samp(reference, current)</c>
/// (scipy 1.10, <c>method='auto'</c>) computes it: Evidently's default test for numeric columns of at most
/// 1000 reference rows.
/// </summary>
public static class KolmogorovSmirnovTest
{
    /// <summary>The largest sample for which the p-value is exact, scipy's <c>MAX_AUTO_N</c>.</summary>
    public const int ExactLimit = 10_000;

    /// <summary>
    /// Tests whether <paramref name="reference"/> and <paramref name="current"/> come from the same distribution.
    /// Ties and unsorted input are fine: each sample is copied and sorted once, then both are walked together.
    /// </summary>
    /// <param name="reference">The reference values, missing values already dropped.</param>
    /// <param name="current">The current values, missing values already dropped.</param>
    /// <returns>
    /// D and its p-value: exact (counting lattice paths) when neither sample has more than
    /// <see cref="ExactLimit"/> values, else from the distribution of the one-sample statistic for
    /// round(n·m / (n + m)) values, as scipy falls back.
    /// </returns>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN (the message names it and the row).</exception>
    public static KolmogorovSmirnovResult Compute(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var first = Samples.SortedCopy(reference, nameof(reference));
        var second = Samples.SortedCopy(current, nameof(current));
        var d = LargestGap(first, second);
        long n1 = first.Length;
        long n2 = second.Length;
        if (Math.Max(n1, n2) <= ExactLimit)
        {
            var g = GreatestCommonDivisor(n1, n2);
            var lcm = n1 / g * n2;
            var h = (long)Math.Round(d * lcm);
            d = h * 1.0 / lcm;
            var exact = ExactPValue(n1, n2, g, h);
            if (exact is >= 0 and <= 1)
            {
                return new KolmogorovSmirnovResult(d, exact, IsExact: true);
            }
        }

        // scipy's asymptotic path, also its fallback when the exact sum leaves [0, 1]: the one-sample
        // distribution for the effective sample size, which is symmetric in the two sizes.
        var (m, n) = n1 >= n2 ? ((double)n1, (double)n2) : (n2, n1);
        var effective = Math.Round(m * n / (m + n));
        var p = KolmogorovDistribution.Survival((int)effective, d);
        return new KolmogorovSmirnovResult(d, Math.Clamp(p, 0, 1), IsExact: false);
    }

    /// <summary>
    /// The larger of max(F₁ − F₂) and max(F₂ − F₁) over every value of either sample, each CDF
    /// being count / size in floating point as scipy computes it (the first clipped to [0, 1]).
    /// </summary>
    private static double LargestGap(double[] first, double[] second)
    {
        var (i, j) = (0, 0);
        var (above, below) = (double.NegativeInfinity, double.PositiveInfinity);
        while (i < first.Length || j < second.Length)
        {
            var value = j == second.Length || (i < first.Length && first[i] <= second[j]) ? first[i] : second[j];
            while (i < first.Length && first[i] == value)
            {
                i++;
            }

            while (j < second.Length && second[j] == value)
            {
                j++;
            }

            var gap = (double)i / first.Length - (double)j / second.Length;
            above = Math.Max(above, gap);
            below = Math.Min(below, gap);
        }

        var minus = Math.Clamp(-below, 0, 1);
        return minus > above ? minus : above;
    }

    private static double ExactPValue(long n1, long n2, long g, long h) => h == 0
        ? 1.0
        : n1 == n2
            ? SmirnovLatticePaths.OutsideSquare((int)n1, (int)h)
            : SmirnovLatticePaths.OutsideBand(n1, n2, g, h);

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
