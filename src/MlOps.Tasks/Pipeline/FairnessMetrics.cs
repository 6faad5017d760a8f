namespace MlOps.Tasks.Pipeline;

/// <summary>The fairness metrics the <c>fairness</c> section can bound, by their name in the pipeline file and fairness.json.</summary>
public static class FairnessMetrics
{
    /// <summary>Upper limits by their name in the pipeline file.</summary>
    public static IReadOnlyList<string> MaxNames { get; } = ["demographic_parity_difference", "equal_opportunity_difference", "equalized_odds_difference"];

    /// <summary>Lower limits by their name in the pipeline file.</summary>
    public static IReadOnlyList<string> MinNames { get; } = ["demographic_parity_ratio", "equal_opportunity_ratio", "equalized_odds_ratio", "disparate_impact"];
}
