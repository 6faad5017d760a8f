using System.Collections.Concurrent;
using System.Globalization;
using MlOps.Models.Sweeps;
using MlOps.Models.Training;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Training;

/// <summary>
/// Scores a sweep's trials by cross-validation on the training rows and records each as a child run of the Train run:
/// its parameters, per fold the fold's metrics and the running objective (the steps the pruner judged), and its state.
/// Trials run on several threads; the store is written by one at a time.
/// </summary>
internal sealed class SweepLog(TrackingStore store, string parentRunId, SweepSpace space, SweepData data, Action<SweepTrial, string>? ended = null)
    : ITrialScorer
{
    private readonly ConcurrentDictionary<int, string> runs = new();
    private readonly ConcurrentDictionary<(int Trial, int Fold), ModelMetrics> scores = new();

    /// <inheritdoc/>
    public void Started(int number, IReadOnlyDictionary<string, string> parameters)
    {
        lock (store)
        {
            var run = store.Runs.StartRun(data.Experiment, $"trial {number}", new Dictionary<string, string>
            {
                [SweepTags.ParentRun] = parentRunId,
                [SweepTags.Trial] = Text(number),
                [SweepTags.State] = "running",
            });
            runs[number] = run.Id;
            store.Runs.LogParams(run.Id, space.Params(parameters));
        }
    }

    /// <inheritdoc/>
    public double Score(int number, IReadOnlyDictionary<string, string> parameters, int fold)
    {
        var options = ModelSchemas.From(space.Options(parameters));
        var metrics = ModelTrainer.Score(data.Table, data.Schema, options, data.Folds[fold]);
        scores[(number, fold)] = metrics;
        var value = metrics.ToDictionary()[data.Objective];
        if (double.IsNaN(value))
        {
            throw new InvalidOperationException($"{data.Objective} is not a number on fold {fold + 1} (a fold with one class, or a model that predicts NaN).");
        }

        return data.Minimises ? value : -value;
    }

    /// <inheritdoc/>
    public void Ended(SweepTrial trial, Exception? failure)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var state = trial.State.ToString().ToLowerInvariant();
        var folds = Enumerable.Range(0, trial.Intermediate.Count).Select(f => scores[(trial.Number, f)]).ToList();
        lock (store)
        {
            var run = runs[trial.Number];
            foreach (var (metrics, step) in folds.Select((m, i) => (m, i + 1)))
            {
                store.Runs.LogMetrics(run, metrics.ToDictionary().ToDictionary(m => "fold_" + m.Key, m => m.Value), step);
                store.Runs.LogMetric(run, data.Objective, Objective(trial.Intermediate[step - 1]), step);
            }

            if (folds.Count > 0)
            {
                var means = folds[0].ToDictionary().Keys.Where(k => k != data.Objective)
                    .ToDictionary(k => k, k => folds.Average(f => f.ToDictionary()[k]), StringComparer.Ordinal);
                store.Runs.LogMetrics(run, means, folds.Count);
            }

            var tags = new Dictionary<string, string> { [SweepTags.State] = state };
            if (failure is not null)
            {
                tags[SweepTags.Error] = failure.Message;
            }

            store.Runs.SetTags(run, tags);
            store.Runs.EndRun(run, trial.State == TrialState.Failed ? RunStatus.Failed : RunStatus.Finished);
        }

        ended?.Invoke(trial, failure?.Message ?? "");
    }

    /// <summary>The objective's value for a loss.</summary>
    public double Objective(double loss) => data.Minimises ? loss : -loss;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
