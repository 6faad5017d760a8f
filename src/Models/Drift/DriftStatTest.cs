namespace MlOps.Models.Drift;

/// <summary>The statistical tests Evidently chooses among by default to decide whether a column drifted.</summary>
public enum DriftStatTest
{
    /// <summary>Two-sample Kolmogorov–Smirnov test (<see cref="KolmogorovSmirnovTest"/>); the score is its p-value.</summary>
    KolmogorovSmirnov,

    /// <summary>Chi-square goodness of fit (<see cref="ChiSquareTest"/>); the score is its p-value.</summary>
    ChiSquare,

    /// <summary>Z-test for two proportions (<see cref="ProportionsZTest"/>); the score is its p-value.</summary>
    ZTest,

    /// <summary>Wasserstein distance over the reference's standard deviation (<see cref="WassersteinDistance.Normed"/>).</summary>
    Wasserstein,

    /// <summary>Jensen–Shannon distance, natural log, over <see cref="DriftBinning"/>'s bins (<see cref="JensenShannonDistance"/>).</summary>
    JensenShannon,
}
