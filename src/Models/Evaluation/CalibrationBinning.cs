namespace MlOps.Models.Evaluation;

/// <summary>Cuts [0, 1] into equal-width bins exactly as scikit-learn's uniform calibration curve does.</summary>
internal static class CalibrationBinning
{
    /// <summary>The bins expected calibration error is measured with.</summary>
    public const int DefaultBins = 10;

    /// <summary>
    /// The non-empty bins, lowest first. A score goes to the bin numbered by how many inner edges are
    /// strictly below it (numpy's <c>searchsorted(edges[1:-1], p)</c>); sums run in input order, as
    /// numpy's <c>bincount</c> adds them, so the means agree to the last bit.
    /// </summary>
    public static CalibrationBin[] Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, int bins)
    {
        var edges = Edges(bins);
        var inner = edges[1..^1];
        var sums = new double[bins];
        var positives = new int[bins];
        var counts = new int[bins];
        for (var row = 0; row < scores.Count; row++)
        {
            var found = Array.BinarySearch(inner, scores[row]);
            var bin = found >= 0 ? found : ~found;
            sums[bin] += scores[row];
            positives[bin] += labels[row] ? 1 : 0;
            counts[bin]++;
        }

        var result = new List<CalibrationBin>(bins);
        for (var bin = 0; bin < bins; bin++)
        {
            if (counts[bin] > 0)
            {
                result.Add(new CalibrationBin(
                    edges[bin], edges[bin + 1], sums[bin] / counts[bin], (double)positives[bin] / counts[bin], counts[bin]));
            }
        }

        return [.. result];
    }

    /// <summary>
    /// Expected calibration error: the mean over rows of |fraction positive − mean score| of the row's
    /// bin, that is Σ (count_b / n) |fraction_b − mean_b| over the non-empty bins.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<CalibrationBin> bins, int rows)
    {
        var error = 0.0;
        foreach (var bin in bins)
        {
            error += (double)bin.Count / rows * Math.Abs(bin.FractionPositive - bin.MeanPredicted);
        }

        return error;
    }

    private static double[] Edges(int bins)
    {
        // numpy.linspace: k * step for every edge but the last, which is exactly 1.
        var step = 1.0 / bins;
        var edges = new double[bins + 1];
        for (var k = 0; k < bins; k++)
        {
            edges[k] = k * step;
        }

        edges[bins] = 1.0;
        return edges;
    }
}
