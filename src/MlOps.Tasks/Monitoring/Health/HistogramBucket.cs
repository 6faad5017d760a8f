namespace MlOps.Tasks.Monitoring.Health;

/// <summary>A cumulative histogram bucket: the observations at or below <paramref name="UpperBound"/> (the <c>le</c> label).</summary>
internal readonly record struct HistogramBucket(double UpperBound, double Count);
