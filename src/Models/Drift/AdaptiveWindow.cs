namespace MlOps.Models.Drift;

/// <summary>
/// ADWIN's window (river's <c>AdaptiveWindowing</c>, river 0.26.1, whose Rust port is bit for bit the Cython it replaced):
/// an exponential histogram of the recent values with their total and variance, cut whenever two sub-windows'
/// means differ by more than the Hoeffding-style bound ε.
/// </summary>
internal sealed class AdaptiveWindow
{
    private readonly List<BucketRow> rows;
    private readonly double delta;
    private readonly int clock;
    private readonly int maxBuckets;
    private readonly double minWindowLength;
    private readonly double gracePeriod;
    private long tick;

    public AdaptiveWindow(double delta, int clock, int maxBuckets, int minWindowLength, int gracePeriod)
    {
        (this.delta, this.clock, this.maxBuckets) = (delta, clock, maxBuckets);
        (this.minWindowLength, this.gracePeriod) = (minWindowLength, gracePeriod);
        rows = [new BucketRow(maxBuckets)];
    }

    /// <summary>Values in the window (a whole number, kept as river keeps it).</summary>
    public double Width { get; private set; }

    /// <summary>The sum of the values in the window.</summary>
    public double Total { get; private set; }

    /// <summary>The sum of squared deviations from the window's mean.</summary>
    public double Variance { get; private set; }

    /// <summary>Adds <paramref name="value"/>; every <c>clock</c>-th value past the grace period, cuts the window.</summary>
    /// <returns>Whether the window was cut, river's drift.</returns>
    public bool Add(double value)
    {
        Insert(value);
        tick++;
        if (tick % clock != 0 || Width <= gracePeriod)
        {
            return false;
        }

        var cut = false;
        while (CutOldestWhereMeansDiffer())
        {
            cut = true;
        }

        return cut;
    }

    private void Insert(double value)
    {
        rows[0].Add(value, 0);
        Width++;
        if (Width > 1)
        {
            var fromMean = value - Total / (Width - 1);
            Variance += (Width - 1) * fromMean * fromMean / Width;
        }

        Total += value;
        MergeFullRows();
    }

    // A row holding max_buckets + 1 buckets merges its two oldest into one bucket of the next row, which may overflow in turn.
    private void MergeFullRows()
    {
        for (var row = 0; rows[row].Count == maxBuckets + 1; row++)
        {
            var full = rows[row];
            var size = (double)(1L << row);
            var (older, newer) = (full.Total(0), full.Total(1));
            var gap = older / size - newer / size;
            var variance = full.Variance(0) + full.Variance(1) + size * 0.5 * gap * gap;
            if (row + 1 == rows.Count)
            {
                rows.Add(new BucketRow(maxBuckets));
            }

            rows[row + 1].Add(older + newer, variance);
            full.DropOldest(2);
        }
    }

    // Walks the cuts from the oldest bucket to the newest (W0 the older part, W1 the newer) and, at the first
    // whose means differ by more than epsilon, drops the oldest bucket. The cut after the newest value is never tried.
    private bool CutOldestWhereMeansDiffer()
    {
        var (n0, n1, u0, u1) = (0.0, Width, 0.0, Total);
        for (var row = rows.Count - 1; row >= 0; row--)
        {
            var size = (double)(1L << row);
            var buckets = rows[row];
            for (var bucket = 0; bucket < buckets.Count; bucket++)
            {
                var total = buckets.Total(bucket);
                (n0, n1, u0, u1) = (n0 + size, n1 - size, u0 + total, u1 - total);
                if (row == 0 && bucket == buckets.Count - 1)
                {
                    return false;
                }

                if (n1 >= minWindowLength && n0 >= minWindowLength && MeansDiffer(n0, n1, u0 / n0 - u1 / n1))
                {
                    DropOldestBucket();
                    return true;
                }
            }
        }

        return false;
    }

    private bool MeansDiffer(double n0, double n1, double meanGap)
    {
        var deltaPrime = Math.Log(2 * Math.Log(Width) / delta);
        var harmonic = 1.0 / (n0 - minWindowLength + 1) + 1.0 / (n1 - minWindowLength + 1);
        var epsilon = Math.Sqrt(2 * harmonic * (Variance / Width) * deltaPrime) + 2.0 / 3.0 * deltaPrime * harmonic;
        return Math.Abs(meanGap) > epsilon;
    }

    private void DropOldestBucket()
    {
        var last = rows.Count - 1;
        var row = rows[last];
        var size = (double)(1L << last);
        var total = row.Total(0);
        var mean = total / size;
        Width -= size;
        Total -= total;
        var windowMean = Total / Width;
        Variance -= row.Variance(0) + size * Width * (mean - windowMean) * (mean - windowMean) / (size + Width);
        row.DropOldest(1);
        if (row.Count == 0)
        {
            rows.RemoveAt(last);
        }
    }
}
