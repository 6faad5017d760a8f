using System.Globalization;
using MlOps.Models.Schema;
using MlOps.Models.Sweeps;
using MlOps.Models.Tables;
using MlOps.Models.Training;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Training;

/// <summary>
/// Runs <c>training.sweep</c> inside a Train run: the trials, as child runs scored by cross-validation on the
/// training rows, then the best trial's trainer and parameters, for Train to refit on all training rows.
/// </summary>
internal static class ModelSweep
{
    /// <summary>Runs the sweep of <paramref name="training"/> for Train run <paramref name="runId"/>.</summary>
    /// <exception cref="SweepFailedException">No trial finished.</exception>
    public static SweepResult Run(TrackingStore store, string runId, string experiment, TrainingSection training, TableRows rows, ModelSchema schema,
        IProgress<TrainingProgress>? progress)
    {
        var sweep = training.Sweep ?? throw new ArgumentException("The training section has no sweep.", nameof(training));
        var space = new SweepSpace(training);
        var labels = ((FlagColumn)rows.Data[schema.Label]).Values;
        var train = DataSplit.HeldOut(labels, rows.Keys, training.TestFraction).Train;
        CheckFolds(sweep, train.Count(r => labels[r]), train.Count(r => !labels[r]));
        var data = new SweepData(experiment, rows.Data, schema, DataSplit.Folds(labels, train, sweep.Folds, training.Seed), sweep.Objective, sweep.Minimises);
        var settings = Settings(sweep, space.Space);
        store.Runs.SetTags(runId, new Dictionary<string, string>
        {
            [SweepTags.Objective] = $"{sweep.Objective} ({(sweep.Minimises ? "minimize" : "maximize")})",
            [SweepTags.Sampler] = Snake(sweep.Sampler),
            [SweepTags.Pruner] = Snake(sweep.Pruner),
        });
        var reporter = new TrialReporter(progress, sweep.Objective, sweep.Minimises, settings.Trials);
        var log = new SweepLog(store, runId, space, data, reporter.Ended);
        var trials = new SweepRunner(space.Space, Sampler(sweep, training.Seed), sweep.Pruner == SweepPruner.Median ? new MedianPruner() : null, settings)
            .Run(log);
        var best = trials.Where(t => t.State == TrialState.Finished).MinBy(t => t.Loss)
            ?? throw new SweepFailedException($"No trial of the sweep finished ({trials.Count} failed); the first: {reporter.FirstFailure}");
        store.Runs.SetTags(runId, new Dictionary<string, string> { [SweepTags.BestTrial] = best.Number.ToString(CultureInfo.InvariantCulture) });
        store.Runs.LogMetrics(runId, new Dictionary<string, double>
        {
            [$"sweep_best_{sweep.Objective}"] = log.Objective(best.Loss!.Value),
            ["sweep_trials"] = trials.Count,
            ["sweep_pruned"] = trials.Count(t => t.State == TrialState.Pruned),
            ["sweep_failed"] = trials.Count(t => t.State == TrialState.Failed),
        });
        return new SweepResult(space.Options(best.Params), trials, best);
    }

    // The folds are cut from the training rows: each needs a row of each class, or its metrics are not numbers.
    private static void CheckFolds(SweepSection sweep, int positives, int negatives)
    {
        var smaller = Math.Min(positives, negatives);
        if (sweep.Folds > smaller)
        {
            throw new InvalidFileException(sweep.LocationOf("folds")!,
                $"'training.sweep.folds' is {sweep.Folds}, but the training rows (the held-out ones left aside) hold only {smaller} rows of the smaller "
                + $"class, and every fold needs one: use at most {smaller} folds.");
        }
    }

    private static SweepSettings Settings(SweepSection sweep, SearchSpace space) => new()
    {
        Trials = sweep.Sampler == SweepSampler.Grid ? Math.Min(sweep.Trials ?? int.MaxValue, GridSampler.Count(space))
            : sweep.Trials ?? (sweep.Timeout is null ? SweepSection.DefaultTrials : int.MaxValue),
        Timeout = sweep.Timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Parallel = sweep.Parallel,
        Threads = Math.Min(sweep.Parallel, Environment.ProcessorCount),
        Folds = sweep.Folds,
    };

    private static ISweepSampler Sampler(SweepSection sweep, int trainingSeed)
    {
        var seed = sweep.Seed ?? trainingSeed;
        return sweep.Sampler switch
        {
            SweepSampler.Grid => new GridSampler(seed),
            SweepSampler.Random => new RandomSampler(seed),
            _ => new TpeSampler(seed),
        };
    }

    private static string Snake(Enum value) => value.ToString().ToLowerInvariant();
}
