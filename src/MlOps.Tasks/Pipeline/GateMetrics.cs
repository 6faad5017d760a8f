namespace MlOps.Tasks.Pipeline;

/// <summary>The held-out metrics a gate can bound, by their name in the pipeline file and metrics.json.</summary>
public static class GateMetrics
{
    /// <summary>Every metric name, higher-is-better first.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["auc", "auc_pr", "accuracy", "precision", "recall", "f1", "log_loss", "brier", "calibration_error"];

    /// <summary>Whether a lower value of <paramref name="metric"/> is the better one.</summary>
    public static bool LowerIsBetter(string metric) => metric is "log_loss" or "brier" or "calibration_error";
}
