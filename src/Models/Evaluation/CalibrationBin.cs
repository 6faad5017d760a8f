namespace MlOps.Models.Evaluation;

/// <summary>
/// One non-empty bin of a calibration (reliability) curve, as
/// <c>sklearn.calibration.calibration_curve(strategy="uniform")</c> reports it, plus the bin's edges
/// and row count. The first bin holds scores in [<see cref="Lower"/>, <see cref="Upper"/>], every
/// other bin (<see cref="Lower"/>, <see cref="Upper"/>]: a score on an inner edge belongs to the bin
/// below it, and a score of 1 to the last bin.
/// </summary>
/// <param name="Lower">The bin's lower edge, k/bins as numpy's <c>linspace(0, 1, bins + 1)</c> computes it.</param>
/// <param name="Upper">The bin's upper edge.</param>
/// <param name="MeanPredicted">Mean score of the rows in the bin (x of the curve).</param>
/// <param name="FractionPositive">Share of the rows in the bin that are positive (y of the curve).</param>
/// <param name="Count">Rows in the bin; never 0, empty bins are left out.</param>
public readonly record struct CalibrationBin(double Lower, double Upper, double MeanPredicted, double FractionPositive, int Count);
