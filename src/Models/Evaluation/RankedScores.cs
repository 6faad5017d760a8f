namespace MlOps.Models.Evaluation;

/// <summary>
/// The rows sorted once by score, highest first, and cut at each distinct score as scikit-learn's
/// <c>_binary_clf_curve</c> cuts them: entry k holds the k-th highest distinct score and the true and
/// false positives among the rows that score at least that much. Tied rows share one entry, so ties
/// count exactly (half a pair each in the ROC area) whatever order they came in.
/// </summary>
internal sealed class RankedScores
{
    private RankedScores(double[] thresholds, int[] truePositives, int[] falsePositives)
    {
        Thresholds = thresholds;
        TruePositives = truePositives;
        FalsePositives = falsePositives;
    }

    /// <summary>The distinct scores, highest first.</summary>
    public double[] Thresholds { get; }

    /// <summary>Positive rows scoring at least <see cref="Thresholds"/>[k].</summary>
    public int[] TruePositives { get; }

    /// <summary>Negative rows scoring at least <see cref="Thresholds"/>[k].</summary>
    public int[] FalsePositives { get; }

    public int Positives => TruePositives[^1];

    public int Negatives => FalsePositives[^1];

    /// <summary>Ranks validated rows (non-empty, scores in [0, 1]: see <see cref="ScoredRows.Validate"/>) with one O(n log n) sort.</summary>
    public static RankedScores Rank(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        // A score in [0, 1] is a non-negative double, whose bits order as the number does: one plain
        // sort of the bits, shifted left to hold the label in the low bit, ranks the rows by score
        // with no second array to carry along.
        var count = scores.Count;
        var keys = new ulong[count];
        for (var row = 0; row < count; row++)
        {
            var score = scores[row] == 0 ? 0.0 : scores[row]; // -0 sorts as 0
            keys[row] = ((ulong)BitConverter.DoubleToInt64Bits(score) << 1) | (labels[row] ? 1UL : 0UL);
        }

        Array.Sort(keys);

        var thresholds = new double[count];
        var truePositives = new int[count];
        var falsePositives = new int[count];
        int tp = 0, fp = 0, distinct = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            var bits = keys[i] >> 1;
            if ((keys[i] & 1) == 1)
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (i == 0 || keys[i - 1] >> 1 != bits)
            {
                thresholds[distinct] = BitConverter.Int64BitsToDouble((long)bits);
                truePositives[distinct] = tp;
                falsePositives[distinct] = fp;
                distinct++;
            }
        }

        Array.Resize(ref thresholds, distinct);
        Array.Resize(ref truePositives, distinct);
        Array.Resize(ref falsePositives, distinct);
        return new RankedScores(thresholds, truePositives, falsePositives);
    }

    /// <summary>
    /// Area under the ROC curve by the trapezoid rule over the distinct thresholds, as
    /// <c>sklearn.metrics.roc_auc_score</c>; NaN when either class is absent (scikit-learn raises).
    /// Summed in whole counts so the only rounding is the final division.
    /// </summary>
    public double RocAuc()
    {
        if (Positives == 0 || Negatives == 0)
        {
            return double.NaN;
        }

        long twiceArea = 0;
        int previousTp = 0, previousFp = 0;
        for (var k = 0; k < Thresholds.Length; k++)
        {
            twiceArea += (long)(FalsePositives[k] - previousFp) * ((long)TruePositives[k] + previousTp);
            previousTp = TruePositives[k];
            previousFp = FalsePositives[k];
        }

        return twiceArea / (2.0 * Positives * Negatives);
    }

    /// <summary>
    /// Average precision as <c>sklearn.metrics.average_precision_score</c>: the step-wise sum of
    /// (R_k − R_{k−1}) P_k over the distinct thresholds, without interpolation; NaN without positives
    /// (scikit-learn returns 0 with a warning).
    /// </summary>
    public double AveragePrecision()
    {
        if (Positives == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        var previousTp = 0;
        for (var k = 0; k < Thresholds.Length; k++)
        {
            var tp = TruePositives[k];
            if (tp != previousTp)
            {
                sum += (tp - previousTp) * ((double)tp / (tp + FalsePositives[k]));
                previousTp = tp;
            }
        }

        return sum / Positives;
    }
}
