namespace MlOps.Models.Sweeps;

/// <summary>How a sweep runs: its budget, the trials run at once and the folds that score each trial.</summary>
public sealed record SweepSettings
{
    /// <summary>The most trials.</summary>
    public required int Trials { get; init; }

    /// <summary>Time after which no batch starts (those running finish; the first batch always runs); null: none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Trials per batch: each batch is sampled, and pruned, against the trials that ended before it. Part of what the trials
    /// are, so it does not depend on the machine.
    /// </summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The most trials of a batch run at once (the machine's cores); does not change the trials.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The steps of a trial: it is scored fold by fold, and may be pruned after any but the last.</summary>
    public required int Folds { get; init; }
}
