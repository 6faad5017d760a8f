using System.Collections.Concurrent;
using System.Globalization;
using MlOps.Models.Sweeps;

namespace MlOps.Models.Tests.Sweeps;

public sealed class SweepRunnerTests
{
    private static readonly SearchSpace Space = new([new SearchDimension("x", DimensionKind.Float) { Low = 0, High = 1 }]);

    // The loss of every fold is x itself, except that x above "failing" throws.
    private sealed class Scorer(double failing = 2) : ITrialScorer
    {
        public ConcurrentQueue<(SweepTrial Trial, Exception? Failure)> Ended { get; } = new();

        public void Started(int number, IReadOnlyDictionary<string, string> parameters)
        {
        }

        public double Score(int number, IReadOnlyDictionary<string, string> parameters, int fold)
        {
            var x = double.Parse(parameters["x"], CultureInfo.InvariantCulture);
            return x > failing ? throw new InvalidOperationException($"x {x} is too large") : x;
        }

        void ITrialScorer.Ended(SweepTrial trial, Exception? failure) => Ended.Enqueue((trial, failure));
    }

    private static IReadOnlyList<SweepTrial> Run(Scorer scorer, int trials = 20, int parallel = 1, MedianPruner? pruner = null, int seed = 3, int threads = 1) =>
        new SweepRunner(Space, new RandomSampler(seed), pruner, new SweepSettings { Trials = trials, Folds = 3, Parallel = parallel, Threads = threads })
            .Run(scorer);

    [Test]
    public void Should_Score_Every_Fold_Of_Every_Trial_Within_The_Budget()
    {
        // When
        var scorer = new Scorer();
        var trials = Run(scorer, trials: 7);

        // Then
        Assert.That(trials.Select(t => t.Number), Is.EqualTo(Enumerable.Range(0, 7)));
        Assert.That(trials.Select(t => t.State), Is.All.EqualTo(TrialState.Finished));
        Assert.That(trials.Select(t => t.Intermediate.Count), Is.All.EqualTo(3));
        Assert.That(trials.Select(t => t.Loss), Is.EqualTo(trials.Select(t => (double?)double.Parse(t.Params["x"], CultureInfo.InvariantCulture))).Within(1e-12));
        Assert.That(scorer.Ended.Select(e => e.Trial.Number).Order(), Is.EqualTo(Enumerable.Range(0, 7)));
    }

    [Test]
    public void Should_Prune_A_Trial_Worse_Than_The_Median_After_Its_First_Fold()
    {
        // When
        var trials = Run(new Scorer(), pruner: new MedianPruner());

        // Then: a pruned trial stopped after one fold, worse than the median of the finished trials before it
        var pruned = trials.Where(t => t.State == TrialState.Pruned).ToList();
        Assert.That(pruned, Is.Not.Empty);
        Assert.That(pruned.Select(t => t.Intermediate.Count), Is.All.EqualTo(1));
        Assert.That(pruned.Select(t => t.Loss), Is.All.Null);
        foreach (var trial in pruned)
        {
            var earlier = trials.Where(t => t.Number < trial.Number && t.State == TrialState.Finished).Select(t => t.Intermediate[0]).Order().ToList();
            Assert.That(earlier, Has.Count.GreaterThanOrEqualTo(5));
            Assert.That(trial.Intermediate[0], Is.GreaterThan(earlier[(earlier.Count - 1) / 2]));
        }
    }

    [Test]
    public void Should_Record_A_Failed_Trial_And_Go_On()
    {
        // When
        var scorer = new Scorer(failing: 0.5);
        var trials = Run(scorer);

        // Then
        var failed = trials.Where(t => t.State == TrialState.Failed).ToList();
        Assert.That(failed, Is.Not.Empty);
        Assert.That(trials.Where(t => t.State == TrialState.Finished), Is.Not.Empty);
        Assert.That(scorer.Ended.Where(e => e.Trial.State == TrialState.Failed).Select(e => e.Failure!.Message), Has.All.StartsWith("x 0."));
    }

    [Test]
    public void Should_Run_The_Same_Trials_Whatever_The_Threads_Do_And_However_Many_Run()
    {
        // When: batches of four, on one thread, twice on four
        var serial = Run(new Scorer(), parallel: 4, pruner: new MedianPruner());
        var first = Run(new Scorer(), parallel: 4, pruner: new MedianPruner(), threads: 4);
        var second = Run(new Scorer(), parallel: 4, pruner: new MedianPruner(), threads: 4);

        // Then
        Assert.That(first.Select(t => (t.Number, t.State, t.Params["x"])), Is.EqualTo(serial.Select(t => (t.Number, t.State, t.Params["x"]))));
        Assert.That(second.Select(t => (t.Number, t.State, t.Params["x"])), Is.EqualTo(serial.Select(t => (t.Number, t.State, t.Params["x"]))));
    }

    [Test]
    public void Should_Run_The_First_Batch_Only_When_The_Timeout_Is_Spent()
    {
        // When
        var trials = new SweepRunner(Space, new RandomSampler(1), null,
            new SweepSettings { Trials = int.MaxValue, Folds = 2, Parallel = 2, Threads = 2, Timeout = TimeSpan.Zero }).Run(new Scorer());

        // Then: as Optuna checks its timeout after a trial, a sweep has trials to refit
        Assert.That(trials.Select(t => t.Number), Is.EqualTo(new[] { 0, 1 }));
    }
}
