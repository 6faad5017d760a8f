namespace MlOps.Tasks.Pipeline;

/// <summary>
/// The <c>training.sweep</c> section: search the trainers' hyper-parameters (as Optuna's study.optimize does), score
/// every trial by cross-validation on the training rows, refit the best on all of them and register it as candidate.
/// </summary>
public sealed record SweepSection : PipelineSection
{
    /// <summary>The metric to optimise, one of <see cref="GateMetrics.Names"/>, measured by cross-validation.</summary>
    public string Objective { get; init; } = "auc";

    /// <summary>Whether the objective is maximised or minimised; by default the metric's better side.</summary>
    public SweepDirection? Direction { get; init; }

    /// <summary>How trials choose their parameters.</summary>
    public SweepSampler Sampler { get; init; } = SweepSampler.Tpe;

    /// <summary>The most trials (grid: every combination by default; else <see cref="DefaultTrials"/> unless a timeout is set).</summary>
    public int? Trials { get; init; }

    /// <summary>The trials a random or TPE sweep runs when neither trials nor a timeout is set.</summary>
    public const int DefaultTrials = 20;

    /// <summary>Seconds after which no trial starts (those running finish), like Optuna's <c>timeout</c>.</summary>
    public double? Timeout { get; init; }

    /// <summary>Cross-validation folds of the training rows that score each trial (the held-out rows are never used).</summary>
    public int Folds { get; init; } = 3;

    /// <summary>Whether poor trials stop early, after a fold whose running score is worse than the median of earlier trials'.</summary>
    public SweepPruner Pruner { get; init; } = SweepPruner.Median;

    /// <summary>Trials run at once, at most the machine's cores.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>Seeds the sampler; by default <c>training.seed</c>.</summary>
    public int? Seed { get; init; }

    /// <summary>By trainer, the parameters to search and their ranges or choices.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, SearchRangeSection>> Space { get; init; }

    /// <summary>Whether the objective is minimised.</summary>
    public bool Minimises => (Direction ?? (GateMetrics.LowerIsBetter(Objective) ? SweepDirection.Minimize : SweepDirection.Maximize)) == SweepDirection.Minimize;
}
