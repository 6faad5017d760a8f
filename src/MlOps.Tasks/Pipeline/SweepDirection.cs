namespace MlOps.Tasks.Pipeline;

/// <summary>Which way a sweep optimises its objective.</summary>
public enum SweepDirection
{
    /// <summary>Higher is better (auc).</summary>
    Maximize,

    /// <summary>Lower is better (log_loss).</summary>
    Minimize,
}
