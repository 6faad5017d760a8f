using Microsoft.ML.Data;

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

    /// <summary>Mean negative log-likelihood of the predicted probabilities (base 2, as ML.NET reports it).</summary>
    public required double LogLoss { get; init; }

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
    };

    internal static ModelMetrics From(CalibratedBinaryClassificationMetrics metrics, int rows) => new()
    {
        Auc = metrics.AreaUnderRocCurve,
        AucPr = metrics.AreaUnderPrecisionRecallCurve,
        Accuracy = metrics.Accuracy,
        Precision = metrics.PositivePrecision,
        Recall = metrics.PositiveRecall,
        F1 = metrics.F1Score,
        LogLoss = metrics.LogLoss,
        Rows = rows,
    };
}
