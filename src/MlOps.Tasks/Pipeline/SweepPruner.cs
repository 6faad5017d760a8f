namespace MlOps.Tasks.Pipeline;

/// <summary>Whether a sweep stops poor trials early.</summary>
public enum SweepPruner
{
    /// <summary>Every trial runs all its folds.</summary>
    None,

    /// <summary>Optuna's MedianPruner: stop a trial whose running score after a fold is worse than the median of earlier trials' there.</summary>
    Median,
}
