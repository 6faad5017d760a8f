namespace MlOps.Tasks.Fairness;

/// <summary>A fairness metric that a limit applies to.</summary>
public enum FairnessMetric
{
    /// <summary>Selection rates, highest − lowest (a maximum).</summary>
    DemographicParityDifference,

    /// <summary>Selection rates, lowest / highest (a minimum).</summary>
    DemographicParityRatio,

    /// <summary>True positive rates, highest − lowest (a maximum).</summary>
    EqualOpportunityDifference,

    /// <summary>True positive rates, lowest / highest (a minimum).</summary>
    EqualOpportunityRatio,

    /// <summary>The larger of the true and false positive rate differences (a maximum).</summary>
    EqualizedOddsDifference,

    /// <summary>The smaller of the true and false positive rate ratios (a minimum).</summary>
    EqualizedOddsRatio,

    /// <summary>An unprivileged group's selection rate / the privileged group's (a minimum).</summary>
    DisparateImpact,
}
