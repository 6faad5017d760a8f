using MlOps.Models.Evaluation;

namespace MlOps.Models.Tests.Evaluation;

/// <summary>
/// Curves against scikit-learn 1.2.1's, from:
/// <code>
/// fpr, tpr, thr = roc_curve(y, p, drop_intermediate=False)
/// precision, recall, thresholds = precision_recall_curve(y, p)
/// prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
/// counts = np.bincount(np.searchsorted(np.linspace(0, 1, 11)[1:-1], p), minlength=11); counts = counts[counts != 0]
/// </code>
/// </summary>
public class BinaryCurvesTests
{
    // y = [0, 1, 0, 1, 1, 0, 0, 1, 1, 0]; p = [0.1, 0.4, 0.4, 0.8, 0.8, 0.8, 0.35, 0.1, 0.5, 0.5]
    private static readonly bool[] TiedLabels = [false, true, false, true, true, false, false, true, true, false];
    private static readonly double[] TiedScores = [0.1, 0.4, 0.4, 0.8, 0.8, 0.8, 0.35, 0.1, 0.5, 0.5];

    [Test]
    public void Should_Trace_The_Roc_Curve_From_The_Top_Score_Plus_One_Down_To_The_Lowest()
    {
        // When
        var roc = BinaryCurves.Compute(TiedLabels, TiedScores).Roc;

        // Then
        Assert.That(roc.Select(p => p.FalsePositiveRate), Is.EqualTo(new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0 }).Within(1e-7).Percent);
        Assert.That(roc.Select(p => p.TruePositiveRate), Is.EqualTo(new[] { 0.0, 0.4, 0.6, 0.8, 0.8, 1.0 }).Within(1e-7).Percent);
        Assert.That(roc.Select(p => p.Threshold), Is.EqualTo(new[] { 1.8, 0.8, 0.5, 0.4, 0.35, 0.1 }));
    }

    [Test]
    public void Should_Trace_The_Precision_Recall_Curve_From_The_Lowest_Score_And_End_At_Precision_One()
    {
        // When
        var pr = BinaryCurves.Compute(TiedLabels, TiedScores).PrecisionRecall;

        // Then
        Assert.That(pr.Select(p => p.Precision), Is.EqualTo(new[] { 0.5, 0.5, 0.5714285714285714, 0.6, 0.6666666666666666, 1.0 }).Within(1e-7).Percent);
        Assert.That(pr.Select(p => p.Recall), Is.EqualTo(new[] { 1.0, 0.8, 0.8, 0.6, 0.4, 0.0 }).Within(1e-7).Percent);
        Assert.That(pr.Select(p => p.Threshold), Is.EqualTo(new double?[] { 0.1, 0.35, 0.4, 0.5, 0.8, null }));
    }

    [Test]
    public void Should_Leave_Empty_Calibration_Bins_Out_And_Count_The_Rest()
    {
        // When
        var bins = BinaryCurves.Compute(TiedLabels, TiedScores).Calibration;

        // Then
        Assert.That(bins.Select(b => b.MeanPredicted), Is.EqualTo(new[] { 0.1, 0.3833333333333333, 0.5, 0.8000000000000002 }).Within(1e-7).Percent);
        Assert.That(bins.Select(b => b.FractionPositive), Is.EqualTo(new[] { 0.5, 0.3333333333333333, 0.5, 0.6666666666666666 }).Within(1e-7).Percent);
        Assert.That(bins.Select(b => b.Count), Is.EqualTo(new[] { 2, 3, 2, 3 }));
        Assert.That(bins.Select(b => b.Lower), Is.EqualTo(new[] { 0.0, 0.30000000000000004, 0.4, 0.7000000000000001 }));
    }

    [Test]
    public void Should_Put_A_Score_On_An_Inner_Edge_In_The_Bin_Below_And_A_Score_Of_One_In_The_Last()
    {
        // Given: y = [0, 0, 1, 0, 1, 1, 1]; numpy's edges are k * 0.1, so 0.3 < 0.30000000000000004 and 0.7 < 0.7000000000000001
        bool[] labels = [false, false, true, false, true, true, true];
        double[] scores = [0.0, 0.1, 0.2, 0.3, 0.30000000000000004, 0.7, 1.0];

        // When
        var bins = BinaryCurves.Compute(labels, scores).Calibration;

        // Then
        Assert.That(bins.Select(b => b.MeanPredicted), Is.EqualTo(new[] { 0.05, 0.2, 0.30000000000000004, 0.7, 1.0 }).Within(1e-7).Percent);
        Assert.That(bins.Select(b => b.FractionPositive), Is.EqualTo(new[] { 0.0, 1.0, 0.5, 1.0, 1.0 }));
        Assert.That(bins.Select(b => b.Count), Is.EqualTo(new[] { 2, 1, 2, 1, 1 }));
        Assert.That(bins.Select(b => (b.Lower, b.Upper)), Is.EqualTo(new[]
        {
            (0.0, 0.1), (0.1, 0.2), (0.2, 0.30000000000000004), (0.6000000000000001, 0.7000000000000001), (0.9, 1.0),
        }));
    }

    [Test]
    public void Should_Give_NaN_Rates_For_The_Missing_Class_And_Recall_One_Without_Positives()
    {
        // Given: y = [0, 0, 0] and y = [1, 1, 1]; p = [0.2, 0.6, 0.4]
        double[] scores = [0.2, 0.6, 0.4];

        // When
        var negatives = BinaryCurves.Compute([false, false, false], scores);
        var positives = BinaryCurves.Compute([true, true, true], scores);

        // Then
        Assert.That(negatives.Roc.Select(p => p.TruePositiveRate), Is.All.NaN);
        Assert.That(negatives.Roc.Select(p => p.FalsePositiveRate), Is.EqualTo(new[] { 0.0, 0.3333333333333333, 0.6666666666666666, 1.0 }).Within(1e-7).Percent);
        Assert.That(negatives.PrecisionRecall.Select(p => (p.Precision, p.Recall)), Is.EqualTo(new[] { (0.0, 1.0), (0.0, 1.0), (0.0, 1.0), (1.0, 0.0) }));
        Assert.That(positives.Roc.Select(p => p.FalsePositiveRate), Is.All.NaN);
        Assert.That(positives.Roc.Select(p => p.Threshold), Is.EqualTo(new[] { 1.6, 0.6, 0.4, 0.2 }));
    }

    [Test]
    public void Should_Tie_A_Score_Of_Minus_Zero_With_Zero()
    {
        // Given: roc_curve([1, 0, 1], [-0.0, 0.0, 0.5], drop_intermediate=False); roc_auc_score gives 0.75
        bool[] labels = [true, false, true];
        double[] scores = [-0.0, 0.0, 0.5];

        // When
        var roc = BinaryCurves.Compute(labels, scores).Roc;
        var auc = BinaryMetrics.Compute(labels, scores).RocAuc;

        // Then
        Assert.That(roc, Is.EqualTo(new[] { new RocPoint(0, 0, 1.5), new RocPoint(0, 0.5, 0.5), new RocPoint(1, 1, 0) }));
        Assert.That(auc, Is.EqualTo(0.75));
    }

    [Test]
    public void Should_Name_The_Row_Whose_Score_Is_NaN()
    {
        // When
        var error = Assert.Throws<ArgumentException>(() => BinaryCurves.Compute([true, false], [0.3, double.NaN]));

        // Then
        Assert.That(error.Message, Is.EqualTo("Score at row 1 (counting from 0) is NaN; scores must be probabilities in [0, 1]. (Parameter 'scores')"));
    }
}
