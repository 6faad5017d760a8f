namespace MlOps.Tasks.Fairness;

/// <summary>
/// The disparity metrics of a metric frame, Fairlearn's between-groups definitions, computed over a set of
/// groups; a spread is null when no group has that rate defined.
/// </summary>
/// <param name="Groups">How many groups the aggregates compare.</param>
/// <param name="SelectionRate">The spread of selection rates.</param>
/// <param name="TruePositiveRate">The spread of true positive rates.</param>
/// <param name="FalsePositiveRate">The spread of false positive rates.</param>
public sealed record FairnessAggregates(int Groups, GroupSpread? SelectionRate, GroupSpread? TruePositiveRate, GroupSpread? FalsePositiveRate)
{
    /// <summary>Highest − lowest selection rate.</summary>
    public double? DemographicParityDifference => SelectionRate?.Difference;

    /// <summary>Lowest / highest selection rate.</summary>
    public double? DemographicParityRatio => SelectionRate?.Ratio;

    /// <summary>Highest − lowest true positive rate.</summary>
    public double? EqualOpportunityDifference => TruePositiveRate?.Difference;

    /// <summary>Lowest / highest true positive rate.</summary>
    public double? EqualOpportunityRatio => TruePositiveRate?.Ratio;

    /// <summary>The larger of the true and false positive rate differences.</summary>
    public double? EqualizedOddsDifference => WorstDifference?.Difference;

    /// <summary>The smaller of the true and false positive rate ratios.</summary>
    public double? EqualizedOddsRatio => WorstRatio?.Ratio;

    /// <summary>The rate spread that decides the equalized odds difference (the true positive rate's on a tie).</summary>
    internal GroupSpread? WorstDifference =>
        FalsePositiveRate is { } fpr && (TruePositiveRate is not { } tpr || fpr.Difference > tpr.Difference) ? fpr : TruePositiveRate;

    /// <summary>The rate spread that decides the equalized odds ratio (the true positive rate's on a tie).</summary>
    internal GroupSpread? WorstRatio =>
        FalsePositiveRate is { } fpr && (TruePositiveRate is not { } tpr || fpr.Ratio < tpr.Ratio) ? fpr : TruePositiveRate;

    /// <summary>Fairlearn's aggregates: every assigned group, with its rates as Fairlearn defines them (0 when undefined).</summary>
    internal static FairnessAggregates Of(IReadOnlyList<GroupMetrics> groups)
    {
        var compared = groups.Where(g => !g.Unassigned).ToList();
        return new FairnessAggregates(
            compared.Count,
            GroupSpread.Of(compared.Select(g => (g.Group, g.SelectionRate))),
            GroupSpread.Of(compared.Select(g => (g.Group, g.TruePositiveRate))),
            GroupSpread.Of(compared.Select(g => (g.Group, g.FalsePositiveRate))));
    }

    /// <summary>
    /// The aggregates the gate decides on: groups neither small nor unassigned, and for each rate only the
    /// groups where it is defined (a true positive rate needs positives, a false positive rate negatives).
    /// </summary>
    internal static FairnessAggregates ForGate(IReadOnlyList<GroupMetrics> groups)
    {
        var compared = groups.Where(g => g.Gated).ToList();
        return new FairnessAggregates(
            compared.Count,
            GroupSpread.Of(compared.Select(g => (g.Group, g.SelectionRate))),
            GroupSpread.Of(compared.Where(g => g.Positives > 0).Select(g => (g.Group, g.TruePositiveRate))),
            GroupSpread.Of(compared.Where(g => g.Negatives > 0).Select(g => (g.Group, g.FalsePositiveRate))));
    }
}
