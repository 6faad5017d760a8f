namespace MlOps.Tasks.Monitoring.Health;

/// <summary>
/// PromQL's <c>histogram_quantile</c> over cumulative buckets, step for step as Prometheus computes it
/// (promql/quantile.go, bucketQuantile), so that a number here agrees with a Grafana panel.
/// </summary>
internal static class HistogramQuantile
{
    // Prometheus's smallDeltaTolerance: differences this small between buckets are floating-point noise.
    private const double SmallDeltaTolerance = 1e-12;

    /// <summary>
    /// The <paramref name="q"/>-quantile: linear interpolation inside the bucket the rank falls in, the lowest
    /// bucket starting at 0 (unless its bound is not positive), and the highest finite bound when the rank falls
    /// in the +Inf bucket. NaN without a +Inf bucket, with fewer than two buckets, or without observations.
    /// </summary>
    public static double Of(double q, IEnumerable<HistogramBucket> cumulative)
    {
        if (double.IsNaN(q))
        {
            return double.NaN;
        }

        if (q < 0 || q > 1)
        {
            return q < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }

        // Buckets with the same bound (from several series) add up, as Prometheus's coalesceBuckets does.
        var buckets = cumulative.GroupBy(b => b.UpperBound).Select(g => new HistogramBucket(g.Key, g.Sum(b => b.Count)))
            .OrderBy(b => b.UpperBound).ToArray();
        if (buckets.Length < 2 || !double.IsPositiveInfinity(buckets[^1].UpperBound))
        {
            return double.NaN;
        }

        EnsureMonotonic(buckets);
        var observations = buckets[^1].Count;
        if (observations == 0)
        {
            return double.NaN;
        }

        var rank = q * observations;
        var b = Array.FindIndex(buckets, 0, buckets.Length - 1, bucket => bucket.Count >= rank);
        if (b < 0)
        {
            return buckets[^2].UpperBound;
        }

        if (b == 0 && buckets[0].UpperBound <= 0)
        {
            return buckets[0].UpperBound;
        }

        var (start, end, count) = (0.0, buckets[b].UpperBound, buckets[b].Count);
        if (b > 0)
        {
            start = buckets[b - 1].UpperBound;
            count -= buckets[b - 1].Count;
            rank -= buckets[b - 1].Count;
        }

        return start + ((end - start) * (rank / count));
    }

    /// <summary>Prometheus's ensureMonotonicAndIgnoreSmallDeltas: a count below the one before it (a scrape between two updates, a reset) is raised to it.</summary>
    private static void EnsureMonotonic(HistogramBucket[] buckets)
    {
        var previous = buckets[0].Count;
        for (var i = 1; i < buckets.Length; i++)
        {
            var current = buckets[i].Count;
            if (current == previous)
            {
                continue;
            }

            if (current < previous || AlmostEqual(previous, current))
            {
                buckets[i] = buckets[i] with { Count = previous };
                continue;
            }

            previous = current;
        }
    }

    // Prometheus's almost.Equal: a relative difference, or an absolute one at zero and below the smallest normal double.
    private static bool AlmostEqual(double a, double b)
    {
        const double MinNormal = 2.2250738585072014E-308;
        var (sum, difference) = (Math.Abs(a) + Math.Abs(b), Math.Abs(a - b));
        return a == 0 || b == 0 || sum < MinNormal
            ? difference < SmallDeltaTolerance * MinNormal
            : difference / Math.Min(sum, double.MaxValue) < SmallDeltaTolerance;
    }
}
