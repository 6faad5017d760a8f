namespace MlOps.Tasks.Profiling;

/// <summary>Bin edges (bins [e0, e1), …, [e(n−1), en]) and the count in each bin.</summary>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);
