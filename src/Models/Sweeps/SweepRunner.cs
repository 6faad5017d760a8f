using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace MlOps.Models.Sweeps;

/// <summary>
/// Runs a sweep: asks the sampler for the next trials, scores each fold by fold, prunes poor ones, until the budget
/// is spent. Parallel trials run in batches sampled from the trials ended before the batch, and pruned against those,
/// so that the same seed gives the same trials however the threads are scheduled and however many cores run them.
/// </summary>
public sealed class SweepRunner(SearchSpace space, ISweepSampler sampler, MedianPruner? pruner, SweepSettings settings)
{
    /// <summary>Runs the trials; returns every trial in order of its number.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; the trials that ended are with the scorer.</exception>
    public IReadOnlyList<SweepTrial> Run(ITrialScorer scorer, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var trials = new List<SweepTrial>();
        var clock = Stopwatch.StartNew();
        while (trials.Count < settings.Trials && !(trials.Count > 0 && settings.Timeout is { } timeout && clock.Elapsed >= timeout))
        {
            cancel.ThrowIfCancellationRequested();
            var earlier = trials.ToList();
            var batch = Enumerable.Range(trials.Count, Math.Min(settings.Parallel, settings.Trials - trials.Count))
                .Select(number => (Number: number, Parameters: sampler.Sample(space, earlier, number)))
                .ToList();
            var ended = new SweepTrial[batch.Count];
            try
            {
                Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = settings.Threads, CancellationToken = cancel },
                    i => ended[i] = RunTrial(batch[i].Number, batch[i].Parameters, earlier, scorer));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }

            trials.AddRange(ended);
        }

        return trials;
    }

    private SweepTrial RunTrial(int number, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<SweepTrial> earlier, ITrialScorer scorer)
    {
        scorer.Started(number, parameters);
        var running = new List<double>();
        SweepTrial trial;
        Exception? failure = null;
        try
        {
            trial = Score(number, parameters, earlier, scorer, running);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // A trainer that fails on some parameters fails that trial; the sweep goes on (a sweep where every trial fails fails).
            failure = e;
            trial = new SweepTrial(number, parameters, TrialState.Failed, null, running);
        }

        scorer.Ended(trial, failure);
        return trial;
    }

    private SweepTrial Score(int number, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<SweepTrial> earlier, ITrialScorer scorer,
        List<double> running)
    {
        var total = 0.0;
        for (var fold = 0; fold < settings.Folds; fold++)
        {
            total += scorer.Score(number, parameters, fold);
            running.Add(total / (fold + 1));
            // As Optuna's pruners, the trial's best running value so far is compared with the others' at this step.
            if (fold < settings.Folds - 1 && pruner is not null && pruner.ShouldPrune(fold + 1, running.Min(), earlier))
            {
                return new SweepTrial(number, parameters, TrialState.Pruned, null, running);
            }
        }

        return new SweepTrial(number, parameters, TrialState.Finished, running[^1], running);
    }
}
