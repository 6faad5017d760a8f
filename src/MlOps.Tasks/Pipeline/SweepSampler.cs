namespace MlOps.Tasks.Pipeline;

/// <summary>How a sweep's trials choose their parameters.</summary>
public enum SweepSampler
{
    /// <summary>Every combination of the values, in an order shuffled by the seed.</summary>
    Grid,

    /// <summary>Independent random draws.</summary>
    Random,

    /// <summary>Tree-structured Parzen estimator, Optuna's default: random at first, then near the best trials so far.</summary>
    Tpe,
}
