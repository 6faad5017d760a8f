using MlOps.Models.Evaluation;

namespace MlOps.Models.Training;

/// <summary>How well a binary classifier scores held-out rows (the positive class is "true").</summary>
public sealed record ModelMetrics
{
    /// <summary>Area under the ROC curve.</summary>
    public required double Auc { get; init; }

    /// <summary>Area under the precision-recall curve.</summary>
    public required double AucPr { get; init; }

    /// <summary>Share of rows classified correctly at the 0.5 threshold.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Share of predicted positives that are positive.</summary>
    public required double Precision { get; init; }

    /// <summary>Share of positives predicted positive.</summary>
    public required double Recall { get; init; }

    /// <summary>Harmonic mean of precision and recall.</summary>
    public required double F1 { get; init; }

    /// <summary>Mean negative log-likelihood of the predicted probabilities (natural log, as scikit-learn).</summary>
    public required double LogLoss { get; init; }

    /// <summary>Mean squared difference between probability and outcome.</summary>
    public required double Brier { get; init; }

    /// <summary>Expected calibration error over ten equal-width probability bins.</summary>
    public required double CalibrationError { get; init; }

    /// <summary>Rows measured.</summary>
    public required int Rows { get; init; }

    /// <summary>The metrics by their name in metrics.json and the tracking store.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new SortedDictionary<string, double>(StringComparer.Ordinal)
    {
        ["auc"] = Auc,
        ["auc_pr"] = AucPr,
        ["accuracy"] = Accuracy,
        ["precision"] = Precision,
        ["recall"] = Recall,
        ["f1"] = F1,
        ["log_loss"] = LogLoss,
        ["brier"] = Brier,
        ["calibration_error"] = CalibrationError,
    };

    /// <summary>
    /// Measures scores (probabilities of the positive class) against labels with scikit-learn's definitions:
    /// AUC is roc_auc_score, AUC-PR is average_precision_score, classes are predicted at score &gt; 0.5.
    /// </summary>
    public static ModelMetrics Of(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var metrics = BinaryMetrics.Compute(labels, scores);
        return new ModelMetrics
        {
            Auc = metrics.RocAuc,
            AucPr = metrics.AveragePrecision,
            Accuracy = metrics.Accuracy,
            Precision = metrics.Precision,
            Recall = metrics.Recall,
            F1 = metrics.F1,
            LogLoss = metrics.LogLoss,
            Brier = metrics.BrierScore,
            CalibrationError = metrics.ExpectedCalibrationError,
            Rows = metrics.Count,
        };
    }
}
