namespace MlOps.Tasks.Fairness;

/// <summary>
/// The fairness limits of a pipeline; a null limit is not checked. Every limit is checked per protected
/// attribute and on their intersection, over the groups of at least <see cref="MinGroupSize"/> rows.
/// A value equal to its limit (within 1e-9, so 0.6 / 0.75 counts as 0.8) passes.
/// </summary>
public sealed record FairnessLimits
{
    /// <summary>The largest allowed demographic parity difference (selection rates, highest − lowest).</summary>
    public double? MaxDemographicParityDifference { get; init; }

    /// <summary>The smallest allowed demographic parity ratio (selection rates, lowest / highest).</summary>
    public double? MinDemographicParityRatio { get; init; }

    /// <summary>The largest allowed equal opportunity difference (true positive rates, highest − lowest).</summary>
    public double? MaxEqualOpportunityDifference { get; init; }

    /// <summary>The smallest allowed equal opportunity ratio (true positive rates, lowest / highest).</summary>
    public double? MinEqualOpportunityRatio { get; init; }

    /// <summary>The largest allowed equalized odds difference (the larger of the true and false positive rate differences).</summary>
    public double? MaxEqualizedOddsDifference { get; init; }

    /// <summary>The smallest allowed equalized odds ratio (the smaller of the true and false positive rate ratios).</summary>
    public double? MinEqualizedOddsRatio { get; init; }

    /// <summary>
    /// The smallest allowed disparate impact, checked for attributes with a privileged group, each other
    /// group and all others pooled; the four-fifths rule by default.
    /// </summary>
    public double? MinDisparateImpact { get; init; } = UnprivilegedComparison.FourFifths;

    /// <summary>Groups with fewer rows are flagged small: reported, but they neither fail nor pass the gate.</summary>
    public int MinGroupSize { get; init; } = 30;

    /// <summary>Absorbs the rounding of rates computed from counts, so a value at its limit passes.</summary>
    internal const double Tolerance = 1e-9;

    /// <summary>Whether <paramref name="value"/> is above the maximum <paramref name="limit"/>.</summary>
    internal static bool Above(double value, double limit) => value > limit + Tolerance;

    /// <summary>Whether <paramref name="value"/> is below the minimum <paramref name="limit"/>.</summary>
    internal static bool Below(double value, double limit) => value < limit - Tolerance;
}
