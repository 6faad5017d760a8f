namespace MlOps.Models.Drift;

/// <summary>
/// The Jensen–Shannon distance with natural logarithms, <c>scipy.spatial.distance.jensenshannon(p, q)</c>:
/// √((KL(p‖m) + KL(q‖m)) / 2) for m = (p + q)/2 after each list is scaled to sum to 1. Between 0 and
/// √ln 2 ≈ 0.83; Evidently's default for large samples flags drift from 0.1. Empty bins stay empty
/// (Evidently bins without filling zeros for this one).
/// </summary>
public static class JensenShannonDistance
{
    /// <summary>The distance between two samples binned by <see cref="DriftBinning"/>.</summary>
    public static double Compute(BinnedShares shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        return Compute(shares.Reference, shares.Current);
    }

    /// <summary>The distance between two lists of shares (or counts) over the same bins.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a share is negative or NaN.</exception>
    public static double Compute(IReadOnlyList<double> referenceShares, IReadOnlyList<double> currentShares)
    {
        Shares.Check(referenceShares, currentShares);
        var p = RelativeEntropy.Normalized(referenceShares);
        var q = RelativeEntropy.Normalized(currentShares);
        var m = new double[p.Length];
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = (p[i] + q[i]) / 2.0;
        }

        var js = RelativeEntropy.Sum(p, m) + RelativeEntropy.Sum(q, m);
        return Math.Sqrt(js / 2.0);
    }
}
