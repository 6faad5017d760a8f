namespace MlOps.Models.Drift;

/// <summary>Which side of its threshold a test's score must fall on for the column to count as drifted.</summary>
public enum DriftDirection
{
    /// <summary>Drift when the p-value is at most the threshold (Evidently's KS test: p ≤ 0.05).</summary>
    PValueAtMost,

    /// <summary>Drift when the p-value is below the threshold (Evidently's chi-square and Z tests: p &lt; 0.05).</summary>
    PValueBelow,

    /// <summary>Drift when the distance is at least the threshold (Evidently's distances: ≥ 0.1).</summary>
    DistanceAtLeast,
}
