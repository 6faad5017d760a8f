namespace MlOps.Models.Drift;

/// <summary>
/// One row of ADWIN's exponential histogram (river's <c>Bucket</c>): the buckets that each summarise 2^row values,
/// oldest first, each as the total of its values and their variance (the sum of squared deviations from their mean).
/// It holds one bucket more than <c>max_buckets</c>, so a row can overflow before it is merged.
/// </summary>
internal sealed class BucketRow
{
    private readonly double[] totals;
    private readonly double[] variances;

    public BucketRow(int maxBuckets)
    {
        totals = new double[maxBuckets + 1];
        variances = new double[maxBuckets + 1];
    }

    /// <summary>How many buckets the row holds.</summary>
    public int Count { get; private set; }

    public double Total(int bucket) => totals[bucket];

    public double Variance(int bucket) => variances[bucket];

    /// <summary>Appends the newest bucket.</summary>
    public void Add(double total, double variance)
    {
        totals[Count] = total;
        variances[Count] = variance;
        Count++;
    }

    /// <summary>Drops the <paramref name="oldest"/> oldest buckets.</summary>
    public void DropOldest(int oldest)
    {
        var left = Count - oldest;
        Array.Copy(totals, oldest, totals, 0, left);
        Array.Copy(variances, oldest, variances, 0, left);
        Array.Clear(totals, left, oldest);
        Array.Clear(variances, left, oldest);
        Count = left;
    }
}
