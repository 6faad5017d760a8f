using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Training;

/// <summary>The tags that tie a sweep's trials to its run, as MLflow names the parent link.</summary>
public static class SweepTags
{
    /// <summary>On a trial: the id of the Train run whose sweep it belongs to (MLflow's nested runs).</summary>
    public const string ParentRun = RunLog.ParentRunTag;

    /// <summary>On a trial: its number, from 0.</summary>
    public const string Trial = "sweep.trial";

    /// <summary>On a trial: running, finished, pruned or failed (the run's status is MLflow's, which has no "pruned").</summary>
    public const string State = "sweep.state";

    /// <summary>On a failed trial: why.</summary>
    public const string Error = "sweep.error";

    /// <summary>On the Train run: the objective, e.g. "auc (maximize)".</summary>
    public const string Objective = "sweep.objective";

    /// <summary>On the Train run: how trials chose their values, e.g. "tpe".</summary>
    public const string Sampler = "sweep.sampler";

    /// <summary>On the Train run: how poor trials were stopped early, e.g. "median" or "none".</summary>
    public const string Pruner = "sweep.pruner";

    /// <summary>On the Train run: the number of the best trial, whose parameters were refit.</summary>
    public const string BestTrial = "sweep.best_trial";
}
