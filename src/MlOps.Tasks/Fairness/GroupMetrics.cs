namespace MlOps.Tasks.Fairness;

/// <summary>One row of a metric frame: a group's counts and Fairlearn's per-group rates.</summary>
public sealed record GroupMetrics
{
    /// <summary>The group: a value, a bin such as <c>[25, 40)</c>, a combination such as <c>female &amp; [25, 40)</c>, or <c>overall</c>.</summary>
    public required string Group { get; init; }

    /// <summary>Rows in the group.</summary>
    public required long Count { get; init; }

    /// <summary>Rows whose true label is positive.</summary>
    public required long Positives { get; init; }

    /// <summary>Rows predicted positive.</summary>
    public required long PredictedPositives { get; init; }

    /// <summary>Rows positive and predicted positive.</summary>
    public required long TruePositives { get; init; }

    /// <summary>Rows negative but predicted positive.</summary>
    public required long FalsePositives { get; init; }

    /// <summary>Predicted positives / rows (0 for no rows).</summary>
    public required double SelectionRate { get; init; }

    /// <summary>Recall: true positives / positives; 0 when the group has no positives, as Fairlearn.</summary>
    public required double TruePositiveRate { get; init; }

    /// <summary>False positives / negatives; 0 when the group has no negatives, as Fairlearn.</summary>
    public required double FalsePositiveRate { get; init; }

    /// <summary>True positives / predicted positives; 0 when nothing is predicted positive (scikit-learn's zero_division=0).</summary>
    public required double Precision { get; init; }

    /// <summary>Correct predictions / rows (0 for no rows).</summary>
    public required double Accuracy { get; init; }

    /// <summary>Fewer rows than the minimum group size: reported, but not part of the gate's decision.</summary>
    public bool Small { get; init; }

    /// <summary>The rows whose value is missing or outside all bins: reported, but no group to compare.</summary>
    public bool Unassigned { get; init; }

    /// <summary>Rows whose true label is negative.</summary>
    internal long Negatives => Count - Positives;

    /// <summary>Whether the gate compares this group: neither small nor unassigned.</summary>
    internal bool Gated => !Small && !Unassigned;

    internal static GroupMetrics Of(string group, ConfusionCounts counts, bool small = false, bool unassigned = false)
    {
        var positives = counts.TruePositives + counts.FalseNegatives;
        var negatives = counts.FalsePositives + counts.TrueNegatives;
        var predicted = counts.TruePositives + counts.FalsePositives;
        return new GroupMetrics
        {
            Group = group,
            Count = counts.Count,
            Positives = positives,
            PredictedPositives = predicted,
            TruePositives = counts.TruePositives,
            FalsePositives = counts.FalsePositives,
            SelectionRate = Rate(predicted, counts.Count),
            TruePositiveRate = Rate(counts.TruePositives, positives),
            FalsePositiveRate = Rate(counts.FalsePositives, negatives),
            Precision = Rate(counts.TruePositives, predicted),
            Accuracy = Rate(counts.TruePositives + counts.TrueNegatives, counts.Count),
            Small = small,
            Unassigned = unassigned,
        };
    }

    private static double Rate(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
