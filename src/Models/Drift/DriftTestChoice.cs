using MlOps.Models.Schema;

namespace MlOps.Models.Drift;

/// <summary>
/// Evidently's default choice of drift test for a column (<c>_get_default_stattest</c>), by the size of the
/// reference, the kind of column and how many distinct values the two samples hold together.
/// </summary>
public static class DriftTestChoice
{
    /// <summary>The most reference rows for which Evidently tests rather than measures a distance.</summary>
    public const long MaxRowsForTests = 1000;

    /// <summary>The p-value below which (or, for KS, at or below which) a test says drift.</summary>
    public const double PValueThreshold = 0.05;

    /// <summary>The distance from which a distance says drift.</summary>
    public const double DistanceThreshold = 0.1;

    /// <summary>
    /// With at most <see cref="MaxRowsForTests"/> reference rows: numbers with more than 5 distinct values get
    /// the KS test (p ≤ 0.05); at most 2 distinct values, numbers or not, the Z-test (p &lt; 0.05); anything
    /// else chi-square (p &lt; 0.05). With more reference rows: numbers with more than 5 distinct values get the
    /// normed Wasserstein distance, anything else the Jensen–Shannon distance (≥ 0.1 for both).
    /// </summary>
    /// <param name="referenceRows">Rows of the reference sample, missing values dropped.</param>
    /// <param name="kind">
    /// The column's kind: <see cref="ColumnKind.Numeric"/> is numeric, <see cref="ColumnKind.Categorical"/> and
    /// <see cref="ColumnKind.Boolean"/> are categorical.
    /// </param>
    /// <param name="distinctValues">Distinct values in the reference and current samples together.</param>
    /// <exception cref="ArgumentException">The column is text or an identifier, which have no default drift test.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static DriftCriterion DefaultFor(long referenceRows, ColumnKind kind, long distinctValues)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(referenceRows);
        ArgumentOutOfRangeException.ThrowIfNegative(distinctValues);
        var numeric = kind switch
        {
            ColumnKind.Numeric => true,
            ColumnKind.Categorical or ColumnKind.Boolean => false,
            _ => throw new ArgumentException(
                $"A {kind} column has no default drift test; only numeric, categorical and boolean columns are tested.", nameof(kind)),
        };
        if (referenceRows <= MaxRowsForTests)
        {
            return (numeric, distinctValues) switch
            {
                (true, > 5) => new DriftCriterion(DriftStatTest.KolmogorovSmirnov, PValueThreshold, DriftDirection.PValueAtMost),
                (_, <= 2) => new DriftCriterion(DriftStatTest.ZTest, PValueThreshold, DriftDirection.PValueBelow),
                _ => new DriftCriterion(DriftStatTest.ChiSquare, PValueThreshold, DriftDirection.PValueBelow),
            };
        }

        return numeric && distinctValues > 5
            ? new DriftCriterion(DriftStatTest.Wasserstein, DistanceThreshold, DriftDirection.DistanceAtLeast)
            : new DriftCriterion(DriftStatTest.JensenShannon, DistanceThreshold, DriftDirection.DistanceAtLeast);
    }
}
