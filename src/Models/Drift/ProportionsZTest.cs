using MathNet.Numerics.Distributions;

namespace MlOps.Models.Drift;

/// <summary>
/// The Z-test for two proportions as Evidently's <c>z</c> stattest runs it (its default for columns
/// with at most two values): pooled proportion, normal approximation, two-sided.
/// </summary>
public static class ProportionsZTest
{
    /// <summary>
    /// Tests the share of rows holding a value other than the smallest one (<see cref="Comparer{T}.Default"/>),
    /// as Evidently encodes the smallest of the sorted values 0 and every other value 1; the p-value does
    /// not depend on which value is which. Two samples of one and the same value give z = 0, p = 1.
    /// </summary>
    /// <param name="reference">The reference values, missing values already dropped; meant for at most two distinct values.</param>
    /// <param name="current">The current values, missing values already dropped.</param>
    /// <exception cref="ArgumentException">A sample is empty.</exception>
    public static ZTestResult Compute<T>(IEnumerable<T> reference, IEnumerable<T> current)
        where T : notnull
    {
        var first = ValueCounts<T>.Of(reference, nameof(reference));
        var second = ValueCounts<T>.Of(current, nameof(current));
        var zero = ValueCounts<T>.Union(first, second).Min()!;
        return FromCounts(first.Rows - first[zero], first.Rows, second.Rows - second[zero], second.Rows);
    }

    /// <summary>Tests <paramref name="referenceHits"/> of <paramref name="referenceRows"/> against <paramref name="currentHits"/> of <paramref name="currentRows"/>.</summary>
    /// <returns>z, positive when the reference's share is the larger, and its two-sided p-value.</returns>
    /// <exception cref="ArgumentException">A sample has no rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count of hits is negative or larger than its rows.</exception>
    public static ZTestResult FromCounts(long referenceHits, long referenceRows, long currentHits, long currentRows)
    {
        Samples.RequireRows(referenceRows, "reference");
        Samples.RequireRows(currentRows, "current");
        ArgumentOutOfRangeException.ThrowIfNegative(referenceHits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(referenceHits, referenceRows);
        ArgumentOutOfRangeException.ThrowIfNegative(currentHits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(currentHits, currentRows);
        double n1 = referenceRows;
        double n2 = currentRows;
        var p1 = referenceHits / n1;
        var p2 = currentHits / n2;
        var pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        if (pooled is 0 or 1)
        {
            // Every row of both samples holds the same value: nothing drifted (Evidently's special case).
            return new ZTestResult(0, 1);
        }

        var z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return new ZTestResult(z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
    }
}
