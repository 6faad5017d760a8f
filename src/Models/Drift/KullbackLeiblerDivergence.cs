namespace MlOps.Models.Drift;

/// <summary>
/// The Kullback–Leibler divergence KL(reference ‖ current) as Evidently's <c>kl_div</c> stattest computes it:
/// empty bins given a small share (<see cref="BinnedShares.WithZerosFilled"/>), then
/// <c>scipy.stats.entropy(p_ref, p_cur)</c>, which scales each list to sum to 1 again and uses natural logarithms.
/// </summary>
public static class KullbackLeiblerDivergence
{
    /// <summary>The divergence between two samples binned by <see cref="DriftBinning"/>.</summary>
    public static double Compute(BinnedShares shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        return Compute(shares.Reference, shares.Current);
    }

    /// <summary>The divergence between two lists of shares over the same bins.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a share is negative or NaN.</exception>
    public static double Compute(IReadOnlyList<double> referenceShares, IReadOnlyList<double> currentShares)
    {
        var filled = Shares.Check(referenceShares, currentShares).WithZerosFilled();
        return RelativeEntropy.Sum(RelativeEntropy.Normalized(filled.Reference), RelativeEntropy.Normalized(filled.Current));
    }
}
