namespace MlOps.Models.Sweeps;

/// <summary>
/// Stops a trial whose running loss is worse than the median of the finished trials' at the same step, as Optuna's
/// MedianPruner (defaults n_startup_trials 5, n_warmup_steps 0).
/// </summary>
public sealed class MedianPruner
{
    /// <summary>Creates a pruner.</summary>
    /// <param name="startupTrials">Finished trials needed before any trial is pruned.</param>
    /// <param name="warmupSteps">Steps (from 1) at which no trial is pruned.</param>
    public MedianPruner(int startupTrials = 5, int warmupSteps = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startupTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        (StartupTrials, WarmupSteps) = (startupTrials, warmupSteps);
    }

    /// <summary>Finished trials needed before any trial is pruned.</summary>
    public int StartupTrials { get; }

    /// <summary>Steps (from 1) at which no trial is pruned.</summary>
    public int WarmupSteps { get; }

    /// <summary>
    /// Whether a trial whose running loss after <paramref name="step"/> (1-based) is <paramref name="loss"/> should stop: false
    /// within the warm-up steps or while fewer than <see cref="StartupTrials"/> trials are finished; otherwise whether the loss is
    /// greater than the median of the finished trials' intermediate losses at that step (those that reached it; none: false).
    /// A NaN loss is pruned, as Optuna does.
    /// </summary>
    public bool ShouldPrune(int step, double loss, IReadOnlyList<SweepTrial> earlier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentNullException.ThrowIfNull(earlier);
        var finished = earlier.Where(t => t.State == TrialState.Finished).ToList();
        if (step <= WarmupSteps || finished.Count < StartupTrials)
        {
            return false;
        }

        if (double.IsNaN(loss))
        {
            return true;
        }

        var atStep = finished.Where(t => t.Intermediate.Count >= step).Select(t => t.Intermediate[step - 1]).Where(v => !double.IsNaN(v)).Order().ToArray();
        if (atStep.Length == 0)
        {
            return false;
        }

        var middle = atStep.Length / 2;
        var median = atStep.Length % 2 == 1 ? atStep[middle] : (atStep[middle - 1] + atStep[middle]) / 2;
        return loss > median;
    }
}
