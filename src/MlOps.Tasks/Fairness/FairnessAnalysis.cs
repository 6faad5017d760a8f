namespace MlOps.Tasks.Fairness;

/// <summary>
/// Fairlearn-style fairness assessment of a binary classifier's predictions on a test set, with AIF360's
/// disparate impact and the limits of the pipeline file.
/// </summary>
public static class FairnessAnalysis
{
    /// <summary>
    /// Builds a metric frame per protected attribute and for their intersection, compares privileged groups
    /// with the others, and checks <paramref name="limits"/>.
    /// </summary>
    /// <param name="labels">Each row's true label (true = the positive class).</param>
    /// <param name="predictions">Each row's predicted class.</param>
    /// <param name="attributes">The protected attributes with each row's raw value.</param>
    /// <param name="limits">The limits, and the minimum size of a group the gate decides on.</param>
    /// <exception cref="ArgumentException">
    /// The inputs differ in length, an attribute is listed twice or has unusable bins, or a privileged group
    /// does not occur in the data.
    /// </exception>
    public static FairnessReport Analyze(
        IReadOnlyList<bool> labels, IReadOnlyList<bool> predictions, IReadOnlyList<ProtectedColumn> attributes, FairnessLimits limits)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(limits);
        CheckShape(labels, predictions, attributes);

        var groupings = attributes.Select(Grouping.Of).ToList();
        var frames = attributes
            .Select((a, i) => MetricFrame.Of([a.Column], groupings[i], labels, predictions, limits.MinGroupSize))
            .ToList();
        var intersection = attributes.Count < 2
            ? null
            : MetricFrame.Of(attributes.Select(a => a.Column).ToList(), Grouping.Intersect(groupings), labels, predictions, limits.MinGroupSize);
        var impacts = attributes
            .Select((a, i) => a.Privileged is { } privileged ? DisparateImpactResult.Of(a.Column, privileged, frames[i], limits.MinGroupSize) : null)
            .OfType<DisparateImpactResult>()
            .ToList();
        var violations = FairnessGate.Evaluate(intersection is null ? frames : frames.Append(intersection), impacts, limits);
        return new FairnessReport(labels.Count, limits.MinGroupSize, frames, intersection, impacts, violations);
    }

    private static void CheckShape(IReadOnlyList<bool> labels, IReadOnlyList<bool> predictions, IReadOnlyList<ProtectedColumn> attributes)
    {
        if (predictions.Count != labels.Count)
        {
            throw new ArgumentException(
                $"There are {labels.Count} labels but {predictions.Count} predictions; every row needs both.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (!seen.Add(attribute.Column))
            {
                throw new ArgumentException($"Protected attribute '{attribute.Column}' is listed twice.");
            }

            if (attribute.Values.Count != labels.Count)
            {
                throw new ArgumentException(
                    $"Protected attribute '{attribute.Column}' has {attribute.Values.Count} values for {labels.Count} rows.");
            }
        }
    }
}
