namespace MlOps.Models.Drift;

/// <summary>How a column is tested for drift: which test, and where its score must fall to count as drift.</summary>
/// <param name="Test">The statistical test to run.</param>
/// <param name="Threshold">The p-value or distance the score is compared with.</param>
/// <param name="Direction">Which side of <paramref name="Threshold"/> means drift.</param>
public sealed record DriftCriterion(DriftStatTest Test, double Threshold, DriftDirection Direction)
{
    /// <summary>True when <paramref name="score"/> (the test's p-value or distance) says the column drifted; never for NaN.</summary>
    public bool IsDrift(double score) => Direction switch
    {
        DriftDirection.PValueAtMost => score <= Threshold,
        DriftDirection.PValueBelow => score < Threshold,
        _ => score >= Threshold,
    };
}
