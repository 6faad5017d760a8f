namespace MlOps.Models.Evaluation;

/// <summary>One point of a ROC curve: the rates when rows scoring at least <see cref="Threshold"/> are called positive.</summary>
/// <param name="FalsePositiveRate">FP / negatives (x); NaN for every point when there is no negative row.</param>
/// <param name="TruePositiveRate">TP / positives (y); NaN for every point when there is no positive row.</param>
/// <param name="Threshold">The score; for the first point, (0, 0), the highest score plus 1, as scikit-learn 1.2 writes it.</param>
public readonly record struct RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
