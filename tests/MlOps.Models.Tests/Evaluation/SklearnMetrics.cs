using MlOps.Models.Evaluation;
using NUnit.Framework.Constraints;

namespace MlOps.Models.Tests.Evaluation;

/// <summary>
/// Metrics as scikit-learn 1.2.1 (Debian's python3-sklearn) computed them, pasted from the output of:
/// <code>
/// import math, numpy as np, warnings
/// from sklearn import metrics as m
/// from sklearn.calibration import calibration_curve
/// warnings.simplefilter("ignore")
///
/// def ece(y, p, n_bins=10):
///     bins = np.linspace(0.0, 1.0, n_bins + 1)
///     counts = np.bincount(np.searchsorted(bins[1:-1], p), minlength=len(bins)); counts = counts[counts != 0]
///     t, q = calibration_curve(y, p, n_bins=n_bins, strategy="uniform")
///     return float(np.sum(counts / len(y) * np.abs(t - q)))
///
/// def all_metrics(y, p, thr=0.5):
///     y = np.array(y, dtype=int); p = np.array(p, dtype=float); pred = (p > thr).astype(int)
///     try: auc = m.roc_auc_score(y, p)
///     except ValueError: auc = float("nan")  # "Only one class present in y_true."
///     tn, fp, fn, tp = m.confusion_matrix(y, pred, labels=[0, 1]).ravel()
///     return [auc, m.average_precision_score(y, p), m.accuracy_score(y, pred),
///             m.precision_score(y, pred, zero_division=0), m.recall_score(y, pred, zero_division=0),
///             m.f1_score(y, pred, zero_division=0), m.log_loss(y, p, labels=[0, 1]),
///             m.brier_score_loss(y, p), ece(y, p), [tp, fp, tn, fn]]
/// </code>
/// Each test's comment holds the call that gave its numbers.
/// </summary>
internal sealed record SklearnMetrics(
    double RocAuc,
    double AveragePrecision,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double LogLoss,
    double Brier,
    double Ece,
    int[] Confusion)
{
    /// <summary>Relative agreement asked of every metric: 1e-9 (NUnit counts percent).</summary>
    public static IResolveConstraint Near(double expected) =>
        double.IsNaN(expected) ? Is.NaN : Is.EqualTo(expected).Within(1e-7).Percent;

    public void AssertMatches(BinaryMetrics actual)
    {
        Assert.Multiple(() =>
        {
            Assert.That(actual.RocAuc, Near(RocAuc), "roc_auc");
            Assert.That(actual.AveragePrecision, Near(AveragePrecision), "average_precision");
            Assert.That(actual.Accuracy, Near(Accuracy), "accuracy");
            Assert.That(actual.Precision, Near(Precision), "precision");
            Assert.That(actual.Recall, Near(Recall), "recall");
            Assert.That(actual.F1, Near(F1), "f1");
            Assert.That(actual.LogLoss, Near(LogLoss), "log_loss");
            Assert.That(actual.BrierScore, Near(Brier), "brier");
            Assert.That(actual.ExpectedCalibrationError, Near(Ece), "ece");
            var confusion = actual.Confusion;
            Assert.That(
                new[] { confusion.TruePositives, confusion.FalsePositives, confusion.TrueNegatives, confusion.FalseNegatives },
                Is.EqualTo(Confusion),
                "tp, fp, tn, fn");
        });
    }
}
