namespace MlOps.Models.Drift;

/// <summary>The outcome of a chi-square goodness-of-fit test of the current counts against the reference shares.</summary>
/// <param name="Statistic">χ² = Σ (observed − expected)² / expected; infinite when the current sample holds a value the reference lacks.</param>
/// <param name="DegreesOfFreedom">The number of distinct values in either sample, less one.</param>
/// <param name="PValue">P(χ² ≥ statistic) with that many degrees of freedom; 0 when the statistic is infinite, NaN with a single value (as scipy).</param>
public sealed record ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue);
