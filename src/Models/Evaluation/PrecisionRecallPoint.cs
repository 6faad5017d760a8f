namespace MlOps.Models.Evaluation;

/// <summary>One point of a precision-recall curve: the rates when rows scoring at least <see cref="Threshold"/> are called positive.</summary>
/// <param name="Precision">TP / (TP + FP) (y).</param>
/// <param name="Recall">TP / positives (x); 1 for every point but the last when no row is positive, as scikit-learn sets it.</param>
/// <param name="Threshold">The score; null for the last point, (recall 0, precision 1), which no threshold reaches.</param>
public readonly record struct PrecisionRecallPoint(double Precision, double Recall, double? Threshold);
