namespace MlOps.Tasks.Pipeline;

/// <summary>GX's <c>quantile_ranges</c>: each quantile with its allowed [min, max] (null for open).</summary>
public sealed record QuantileRangesSection : PipelineSection
{
    /// <summary>Quantiles in [0, 1].</summary>
    public required IReadOnlyList<double> Quantiles { get; init; }

    /// <summary>One [min, max] pair per quantile.</summary>
    public required IReadOnlyList<IReadOnlyList<double?>> ValueRanges { get; init; }
}
