namespace MlOps.Models.Evaluation;

/// <summary>
/// The curves a report plots for a binary classifier, point for point as scikit-learn 1.2 returns them
/// from the same labels and probabilities.
/// </summary>
public sealed record BinaryCurves
{
    /// <summary>
    /// <c>roc_curve(drop_intermediate=False)</c>: (0, 0), then one point per distinct score, highest
    /// score first, ending at (1, 1).
    /// </summary>
    public required IReadOnlyList<RocPoint> Roc { get; init; }

    /// <summary>
    /// <c>precision_recall_curve</c>: one point per distinct score, lowest score first (recall
    /// falling), then (recall 0, precision 1) without a threshold.
    /// </summary>
    public required IReadOnlyList<PrecisionRecallPoint> PrecisionRecall { get; init; }

    /// <summary><c>calibration_curve(strategy="uniform")</c>: the non-empty bins, lowest first, with their row counts.</summary>
    public required IReadOnlyList<CalibrationBin> Calibration { get; init; }

    /// <summary>Traces the curves of <paramref name="scores"/>, the predicted probabilities of the positive class.</summary>
    /// <param name="labels">True when the row's class is the positive one.</param>
    /// <param name="scores">The predicted probability that the row is positive, one per label, each in [0, 1].</param>
    /// <param name="calibrationBins">How many equal-width bins the calibration curve cuts [0, 1] into.</param>
    /// <exception cref="ArgumentException">
    /// The lists differ in length or are empty, or a score is NaN or outside [0, 1] (the message names the row).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">There are fewer than 1 calibration bins.</exception>
    public static BinaryCurves Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, int calibrationBins = CalibrationBinning.DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calibrationBins, 1);
        ScoredRows.Validate(labels, scores);
        var ranked = RankedScores.Rank(labels, scores);
        return new BinaryCurves
        {
            Roc = RocCurve(ranked),
            PrecisionRecall = PrecisionRecallCurve(ranked),
            Calibration = CalibrationBinning.Compute(labels, scores, calibrationBins),
        };
    }

    private static RocPoint[] RocCurve(RankedScores ranked)
    {
        var negatives = (double)ranked.Negatives;
        var positives = (double)ranked.Positives;
        // scikit-learn warns and gives NaN rates rather than divide by a missing class.
        double Fpr(int fp) => ranked.Negatives == 0 ? double.NaN : fp / negatives;
        double Tpr(int tp) => ranked.Positives == 0 ? double.NaN : tp / positives;

        var points = new RocPoint[ranked.Thresholds.Length + 1];
        points[0] = new RocPoint(Fpr(0), Tpr(0), ranked.Thresholds[0] + 1);
        for (var k = 0; k < ranked.Thresholds.Length; k++)
        {
            points[k + 1] = new RocPoint(Fpr(ranked.FalsePositives[k]), Tpr(ranked.TruePositives[k]), ranked.Thresholds[k]);
        }

        return points;
    }

    private static PrecisionRecallPoint[] PrecisionRecallCurve(RankedScores ranked)
    {
        var count = ranked.Thresholds.Length;
        var positives = (double)ranked.Positives;
        var points = new PrecisionRecallPoint[count + 1];
        for (var k = 0; k < count; k++)
        {
            var tp = ranked.TruePositives[k];
            var precision = (double)tp / (tp + ranked.FalsePositives[k]);
            // scikit-learn sets recall to 1 when there is no positive row rather than divide by 0.
            var recall = ranked.Positives == 0 ? 1.0 : tp / positives;
            points[count - 1 - k] = new PrecisionRecallPoint(precision, recall, ranked.Thresholds[k]);
        }

        points[count] = new PrecisionRecallPoint(1.0, 0.0, null);
        return points;
    }
}
