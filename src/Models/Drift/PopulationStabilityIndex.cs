namespace MlOps.Models.Drift;

/// <summary>
/// The population stability index as Evidently's <c>psi</c> stattest computes it:
/// Σ (p_ref − p_cur) · ln(p_ref / p_cur) over the bins, empty bins first given a small share
/// (<see cref="BinnedShares.WithZerosFilled"/>).
/// </summary>
/// <remarks>
/// The bins are Evidently's (<see cref="DriftBinning"/>: Sturges bins over both samples, or one per value),
/// not the credit-scoring convention of ten reference deciles, so that the index agrees with Evidently's report.
/// </remarks>
public static class PopulationStabilityIndex
{
    /// <summary>The PSI of two samples binned by <see cref="DriftBinning"/>.</summary>
    public static double Compute(BinnedShares shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        return Compute(shares.Reference, shares.Current);
    }

    /// <summary>The PSI of two lists of shares over the same bins.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a share is negative or NaN.</exception>
    public static double Compute(IReadOnlyList<double> referenceShares, IReadOnlyList<double> currentShares)
    {
        var filled = Shares.Check(referenceShares, currentShares).WithZerosFilled();
        var terms = new double[filled.Reference.Count];
        for (var i = 0; i < terms.Length; i++)
        {
            var (r, c) = (filled.Reference[i], filled.Current[i]);
            terms[i] = (r - c) * Math.Log(r / c);
        }

        return PairwiseSum.Of(terms);
    }

    /// <summary>Stable below 0.1, moderate from 0.1 to 0.25, major above 0.25.</summary>
    public static PsiBand Band(double psi) => psi switch
    {
        < 0.1 => PsiBand.Stable,
        <= 0.25 => PsiBand.Moderate,
        _ => PsiBand.Major,
    };
}
