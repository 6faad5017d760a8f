using MathNet.Numerics;

namespace MlOps.Models.Drift;

/// <summary>
/// The chi-square goodness-of-fit test as Evidently's <c>chisquare</c> stattest runs it: the current
/// counts against the reference shares scaled to the current sample, f_exp(k) = ref_count(k) · n_cur / n_ref,
/// over every value either sample holds; then <c>scipy.stats.chisquare(f_obs, f_exp)</c>.
/// </summary>
public static class ChiSquareTest
{
    /// <summary>Counts the values of each sample and tests the current counts against the reference shares.</summary>
    /// <param name="reference">The reference values (categories, or numbers with few distinct values), missing values already dropped.</param>
    /// <param name="current">The current values, missing values already dropped.</param>
    /// <exception cref="ArgumentException">A sample is empty.</exception>
    public static ChiSquareResult Compute<T>(IEnumerable<T> reference, IEnumerable<T> current)
        where T : notnull =>
        Compute(ValueCounts<T>.Of(reference, nameof(reference)), ValueCounts<T>.Of(current, nameof(current)));

    /// <summary>Tests counts already taken: rows per value in each sample (a value a sample lacks may be absent or 0).</summary>
    /// <exception cref="ArgumentException">A sample counts no rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static ChiSquareResult FromCounts<T>(IReadOnlyDictionary<T, long> reference, IReadOnlyDictionary<T, long> current)
        where T : notnull =>
        Compute(ValueCounts<T>.FromCounts(reference, nameof(reference)), ValueCounts<T>.FromCounts(current, nameof(current)));

    private static ChiSquareResult Compute<T>(ValueCounts<T> reference, ValueCounts<T> current)
        where T : notnull
    {
        var values = ValueCounts<T>.Union(reference, current);
        var scale = (double)current.Rows / reference.Rows;
        var terms = new double[values.Count];
        for (var k = 0; k < values.Count; k++)
        {
            var expected = reference[values[k]] * scale;
            var observed = (double)current[values[k]];
            terms[k] = expected == 0 ? double.PositiveInfinity : (observed - expected) * (observed - expected) / expected;
        }

        var statistic = PairwiseSum.Of(terms);
        var degrees = values.Count - 1;
        return new ChiSquareResult(statistic, degrees, PValue(statistic, degrees));
    }

    /// <summary>The chi-square survival function, scipy's <c>chdtrc</c>: the upper regularized gamma Q(df/2, χ²/2).</summary>
    private static double PValue(double statistic, int degrees) => degrees switch
    {
        0 => double.NaN,
        _ when double.IsPositiveInfinity(statistic) => 0.0,
        _ => SpecialFunctions.GammaUpperRegularized(degrees / 2.0, statistic / 2.0),
    };
}
