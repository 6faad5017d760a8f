using System.Globalization;

namespace MlOps.Tasks.Training;

/// <summary>What Train tells the user about its outcome: the summary note and the lines about a new model.</summary>
public static class TrainingSummary
{
    /// <summary>The note for the build summary: the version and its AUC, or the run reused.</summary>
    public static string Note(TrainingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var version = $"{outcome.Version.Model} v{outcome.Version.Version}";
        return outcome.Reused ? $"reusing run {outcome.Run.Id[..8]} ({version}, {Auc(outcome)})" : $"{version}, {Auc(outcome)}";
    }

    /// <summary>The lines about a model just trained: what changed, its version and run, test and cross-validation metrics, its bundle.</summary>
    public static IReadOnlyList<string> Lines(TrainingOutcome outcome, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Model is not { } model)
        {
            return [];
        }

        var lines = new List<string>();
        if (outcome.ChangedInputs.Count > 0)
        {
            lines.Add($"Train: changed since the last run: {string.Join(", ", outcome.ChangedInputs)}");
        }

        var metrics = string.Join("  ", model.Metrics.ToDictionary().Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.0000}")));
        lines.Add($"Train: {outcome.Version.DisplayName} from run {outcome.Run.Id}, alias candidate");
        lines.Add($"  test ({model.Split.Test.Count:N0} rows): {metrics}");
        if (model.FoldMetrics.Count > 0)
        {
            var aucs = model.FoldMetrics.Select(f => f.Auc).ToList();
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  cross-validation ({aucs.Count} folds): auc {aucs.Average():0.0000} (min {aucs.Min():0.0000}, max {aucs.Max():0.0000})"));
        }

        if (outcome.Run.Tags.GetValueOrDefault(SweepTags.Objective) is { } objective)
        {
            lines.Add(SweepLine(outcome.Run, objective));
        }

        lines.Add($"  bundle {Path.GetRelativePath(repositoryRoot, outcome.BundlePath)} (sha256 {outcome.Version.BundleSha256[..12]}…)");
        return lines;
    }

    // e.g. "  sweep: 20 trials (6 pruned, 0 failed); best trial 7, auc 0.7801 by cross-validation; refit lightgbm on all training rows"
    private static string SweepLine(Tracking.RunRecord run, string objective)
    {
        var metric = objective.Split(' ')[0];
        double Metric(string name) => run.Metrics.GetValueOrDefault(name);
        return string.Create(CultureInfo.InvariantCulture,
            $"  sweep: {Metric("sweep_trials"):0} trials ({Metric("sweep_pruned"):0} pruned, {Metric("sweep_failed"):0} failed); best trial "
            + $"{run.Tags.GetValueOrDefault(SweepTags.BestTrial)}, {metric} {Metric($"sweep_best_{metric}"):0.0000} by cross-validation; "
            + $"refit {run.Params.GetValueOrDefault("trainer")} on all training rows");
    }

    private static string Auc(TrainingOutcome outcome) =>
        string.Create(CultureInfo.InvariantCulture, $"auc {outcome.Run.Metrics.GetValueOrDefault("auc"):0.0000}");
}
