namespace MlOps.Models.Evaluation;

/// <summary>
/// Rows counted by true class and predicted class, a row being predicted positive when its score is
/// strictly above the threshold (see <see cref="BinaryMetrics.Threshold"/>).
/// </summary>
public sealed record ConfusionMatrix
{
    /// <summary>Positive rows predicted positive.</summary>
    public required int TruePositives { get; init; }

    /// <summary>Negative rows predicted positive.</summary>
    public required int FalsePositives { get; init; }

    /// <summary>Negative rows predicted negative.</summary>
    public required int TrueNegatives { get; init; }

    /// <summary>Positive rows predicted negative.</summary>
    public required int FalseNegatives { get; init; }

    internal static ConfusionMatrix At(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double threshold)
    {
        int positives = 0, predictedPositives = 0, tp = 0;
        for (var row = 0; row < scores.Count; row++)
        {
            var predicted = scores[row] > threshold;
            positives += labels[row] ? 1 : 0;
            predictedPositives += predicted ? 1 : 0;
            tp += labels[row] && predicted ? 1 : 0;
        }

        var fp = predictedPositives - tp;
        var fn = positives - tp;
        var tn = scores.Count - tp - fp - fn;
        return new ConfusionMatrix { TruePositives = tp, FalsePositives = fp, TrueNegatives = tn, FalseNegatives = fn };
    }
}
