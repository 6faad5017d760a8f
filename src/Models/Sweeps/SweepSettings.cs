namespace MlOps.Models.Sweeps;

/// <summary>How a sweep runs: its budget, the trials run at once and the folds that score each trial.</summary>
public sealed record SweepSettings
{
    /// <summary>The most trials.</summary>
    public required int Trials { get; init; }

    /// <summary>Time after which no trial starts (those running finish); null: none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Trials run at once.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The steps of a trial: it is scored fold by fold, and may be pruned after any but the last.</summary>
    public required int Folds { get; init; }
}
