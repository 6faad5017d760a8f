namespace MlOps.Models.Evaluation;

/// <summary>
/// How well a binary classifier's probabilities score labelled rows, each metric defined as
/// scikit-learn 1.2+ defines it so that a reviewer can reproduce it from predictions.csv
/// (bench/metrics-vs-sklearn.py does) and agree to 1e-9.
/// </summary>
/// <remarks>
/// With one class only (<see cref="IsSingleClass"/>) the ROC area is undefined and is NaN, as is
/// average precision without positives; gates should report that rather than compare the NaN.
/// </remarks>
public sealed record BinaryMetrics
{
    /// <summary>Rows measured.</summary>
    public required int Count { get; init; }

    /// <summary>Rows whose label is positive.</summary>
    public required int Positives { get; init; }

    /// <summary>Rows whose label is negative.</summary>
    public int Negatives => Count - Positives;

    /// <summary>True when every row has the same label, so ranking metrics are undefined.</summary>
    public bool IsSingleClass => Positives == 0 || Positives == Count;

    /// <summary>
    /// A row is predicted positive when its score is strictly greater than this, as ML.NET's evaluator
    /// and scikit-learn's <c>predict</c> decide (a probability of exactly 0.5 is the negative class).
    /// </summary>
    public required double Threshold { get; init; }

    /// <summary>Area under the ROC curve (<c>roc_auc_score</c>): ties count half; NaN with one class.</summary>
    public required double RocAuc { get; init; }

    /// <summary>
    /// Average precision (<c>average_precision_score</c>), what the pipeline calls AUC-PR: Σ (R_k − R_{k−1}) P_k
    /// over the distinct scores, a step-wise sum with no interpolation; NaN when no row is positive.
    /// </summary>
    public required double AveragePrecision { get; init; }

    /// <summary>Share of rows predicted correctly at <see cref="Threshold"/> (<c>accuracy_score</c>).</summary>
    public required double Accuracy { get; init; }

    /// <summary>TP / (TP + FP), 0 when nothing is predicted positive (<c>precision_score(zero_division=0)</c>).</summary>
    public required double Precision { get; init; }

    /// <summary>TP / (TP + FN), 0 when no row is positive (<c>recall_score(zero_division=0)</c>).</summary>
    public required double Recall { get; init; }

    /// <summary>2PR / (P + R), 0 when both are 0 (<c>f1_score(zero_division=0)</c>).</summary>
    public required double F1 { get; init; }

    /// <summary>
    /// Mean negative natural-log likelihood (<c>log_loss</c>, nats, not ML.NET's bits), with scores
    /// clipped to [ε, 1 − ε] for ε = 2^-52, float64 machine epsilon, as scikit-learn ≥ 1.2 clips them.
    /// </summary>
    public required double LogLoss { get; init; }

    /// <summary>Mean squared difference between score and label (<c>brier_score_loss</c>).</summary>
    public required double BrierScore { get; init; }

    /// <summary>
    /// Expected calibration error over 10 equal-width bins: Σ (n_b / n) |fraction positive_b − mean score_b|
    /// over the bins of <c>calibration_curve(n_bins=10, strategy="uniform")</c>; see <see cref="CalibrationBin"/>
    /// for which bin an edge belongs to.
    /// </summary>
    public required double ExpectedCalibrationError { get; init; }

    /// <summary>Rows counted by true and predicted class at <see cref="Threshold"/>.</summary>
    public required ConfusionMatrix Confusion { get; init; }

    /// <summary>Measures <paramref name="scores"/>, the predicted probabilities of the positive class, against <paramref name="labels"/>.</summary>
    /// <param name="labels">True when the row's class is the positive one.</param>
    /// <param name="scores">The predicted probability that the row is positive, one per label, each in [0, 1].</param>
    /// <param name="threshold">Scores strictly above this are predicted positive.</param>
    /// <exception cref="ArgumentException">
    /// The lists differ in length or are empty, or a score is NaN or outside [0, 1] (the message names the row).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not in [0, 1].</exception>
    public static BinaryMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double threshold = 0.5)
    {
        if (!(threshold >= 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a probability in [0, 1].");
        }

        ScoredRows.Validate(labels, scores);
        var ranked = RankedScores.Rank(labels, scores);
        var confusion = ConfusionMatrix.At(labels, scores, threshold);
        var bins = CalibrationBinning.Compute(labels, scores, CalibrationBinning.DefaultBins);
        var precision = Ratio(confusion.TruePositives, confusion.TruePositives + confusion.FalsePositives);
        var recall = Ratio(confusion.TruePositives, confusion.TruePositives + confusion.FalseNegatives);
        return new BinaryMetrics
        {
            Count = scores.Count,
            Positives = ranked.Positives,
            Threshold = threshold,
            RocAuc = ranked.RocAuc(),
            AveragePrecision = ranked.AveragePrecision(),
            Accuracy = (double)(confusion.TruePositives + confusion.TrueNegatives) / scores.Count,
            Precision = precision,
            Recall = recall,
            F1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
            LogLoss = ProbabilityLoss.LogLoss(labels, scores),
            BrierScore = ProbabilityLoss.Brier(labels, scores),
            ExpectedCalibrationError = CalibrationBinning.ExpectedCalibrationError(bins, scores.Count),
            Confusion = confusion,
        };
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
