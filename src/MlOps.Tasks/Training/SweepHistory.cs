using System.Globalization;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Training;

/// <summary>The sweep a Train run ran, read back from the store: the objective, its direction and the trials, by number.</summary>
/// <param name="Objective">The metric optimised.</param>
/// <param name="Minimises">Whether lower is better.</param>
/// <param name="Trials">The trials, by number.</param>
/// <param name="BestTrial">The number of the trial refit; null when the sweep did not end.</param>
public sealed record SweepHistory(string Objective, bool Minimises, IReadOnlyList<TrialRecord> Trials, int? BestTrial)
{
    /// <summary>The sweep of <paramref name="run"/>; null when it ran none.</summary>
    public static SweepHistory? Of(TrackingStore store, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        if (run.Tags.GetValueOrDefault(SweepTags.Objective) is not { } objective)
        {
            return null;
        }

        var metric = objective.Split(' ')[0];
        var trials = store.Runs.ChildrenOf(run.Id)
            .Select(child => Trial(store, child, metric))
            .OrderBy(t => t.Number)
            .ToList();
        var best = run.Tags.GetValueOrDefault(SweepTags.BestTrial) is { } number ? int.Parse(number, CultureInfo.InvariantCulture) : (int?)null;
        return new SweepHistory(metric, objective.EndsWith("(minimize)", StringComparison.Ordinal), trials, best);
    }

    /// <summary>The trials in each state, e.g. "20 trials: 14 finished, 6 pruned".</summary>
    public string Counts => $"{Trials.Count} trials: " + string.Join(", ", Trials.GroupBy(t => t.State).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>The trial refit, when the sweep ended.</summary>
    public TrialRecord? Best => Trials.FirstOrDefault(t => t.Number == BestTrial);

    private static TrialRecord Trial(TrackingStore store, RunRecord child, string metric)
    {
        var state = child.Status == RunStatus.Killed ? "killed" : child.Tags.GetValueOrDefault(SweepTags.State, "running");
        var number = int.Parse(child.Tags.GetValueOrDefault(SweepTags.Trial, "-1"), CultureInfo.InvariantCulture);
        var steps = store.Runs.MetricHistory(child.Id, metric).Count;
        var objective = state != "failed" && child.Metrics.TryGetValue(metric, out var value) && !double.IsNaN(value) ? value : (double?)null;
        return new TrialRecord(number, child.Id, state, child.Params, objective, steps);
    }
}
