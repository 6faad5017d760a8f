using System.Globalization;
using MlOps.Models.Sweeps;
using MlOps.Models.Training;

namespace MlOps.Tasks.Training;

/// <summary>Tells the user of each trial as it ends: its state, its objective and the best so far.</summary>
internal sealed class TrialReporter(IProgress<TrainingProgress>? progress, string objective, bool minimises, int trials)
{
    private readonly Lock gate = new();
    private SweepTrial? best;
    private int ended;

    private readonly SortedDictionary<int, string> failures = [];

    /// <summary>The lowest-numbered failed trial and why it failed (the same on every run); empty when none failed.</summary>
    public string FirstFailure => failures.Count == 0 ? "" : $"trial {failures.First().Key}: {failures.First().Value}";

    /// <summary>Trial <paramref name="trial"/> ended, failing with <paramref name="error"/> (empty when it did not).</summary>
    public void Ended(SweepTrial trial, string error)
    {
        lock (gate)
        {
            ended++;
            if (trial.State == TrialState.Finished && (best is null || trial.Loss < best.Loss))
            {
                best = trial;
            }

            if (trial.State == TrialState.Failed)
            {
                failures[trial.Number] = error;
            }

            var outcome = trial.State switch
            {
                TrialState.Finished => $"finished, {objective} {Value(trial.Loss!.Value)}",
                TrialState.Pruned => $"pruned after fold {trial.Intermediate.Count}, {objective} {Value(trial.Intermediate[^1])}",
                _ => $"failed: {error}",
            };
            var leader = best is null ? "" : $"; best {Value(best.Loss!.Value)} (trial {best.Number})";
            progress?.Report(new TrainingProgress($"sweep trial {trial.Number} {outcome}{leader}", ended - 1, trials == int.MaxValue ? ended : trials));
        }
    }

    private string Value(double loss) => (minimises ? loss : -loss).ToString("0.0000", CultureInfo.InvariantCulture);
}
