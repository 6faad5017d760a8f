using System.Diagnostics;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Tracking;
using MlOps.Tasks.Training;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>training.sweep run by the build: trials as child runs, the best refit as candidate, reuse, seeds, pruning, a killed sweep.</summary>
[Category("Slow")]
public sealed class SweepProgramTests
{
    // Small trials on the sample: two folds, ten to forty boosting iterations.
    private static string Sweep(string sampler = "random", int trials = 6, string objective = "auc", string pruner = "none", int parallel = 2) => $$"""
        sweep:
            objective: {{objective}}
            sampler: {{sampler}}
            trials: {{trials}}
            folds: 2
            parallel: {{parallel}}
            pruner: {{pruner}}
            seed: 7
            space:
              lightgbm:
                learning_rate: { low: 0.0001, high: 0.3, log: true }
                number_of_iterations: { low: 10, high: 40, step: 10 }
                number_of_leaves: { choice: [4, 15] }
          test_fraction:
        """;

    private static BuildProgram SweepSample(string sweep) => BuildProgram.QuickSample(("  test_fraction:", "  " + sweep));

    [Test]
    public void Should_Track_Each_Trial_Under_The_Train_Run_Refit_The_Best_As_Candidate_And_Reuse_An_Unchanged_Sweep()
    {
        // Given
        using var build = SweepSample(Sweep());

        // When
        var trained = build.Run("--target=Train");

        // Then: six child runs tagged with the Train run, and the Train run holds the best trial's values
        Assert.That(trained.ExitCode, Is.Zero, trained.Output + trained.Errors);
        Assert.That(trained.Output, Does.Contain("Train: sweep trial 0 finished, auc ").And.Contain("  sweep: 6 trials (0 pruned, 0 failed); best trial "));
        using (var store = TrackingStore.Open(build.Repository[".mlops"]))
        {
            var parent = store.Runs.InExperiment("credit-scoring").Single();
            var sweep = SweepHistory.Of(store, parent)!;
            Assert.That(sweep.Trials.Select(t => (t.Number, t.State, t.Steps)), Is.EqualTo(Enumerable.Range(0, 6).Select(n => (n, "finished", 2))));
            Assert.That(store.Runs.ChildrenOf(parent.Id).Select(c => c.Tags[RunLog.ParentRunTag]), Is.All.EqualTo(parent.Id));
            var best = sweep.Best!;
            Assert.That(sweep.Trials.Max(t => t.Objective), Is.EqualTo(best.Objective));
            Assert.That(new[] { "learning_rate", "number_of_iterations", "number_of_leaves" }.Select(p => parent.Params[p]),
                Is.EqualTo(new[] { "learning_rate", "number_of_iterations", "number_of_leaves" }.Select(p => best.Params[p])));
            Assert.That(store.Registry.ResolveVersion("credit-scoring", "candidate")!.RunId, Is.EqualTo(parent.Id));
            var metrics = MetricsFile.Read(build.Repository["artifacts/credit-scoring/metrics.json"]).Sweep!;
            Assert.That((metrics.Objective, metrics.Direction, metrics.Trials, metrics.Pruned, metrics.BestTrial, metrics.Best),
                Is.EqualTo(("auc", "maximize", 6, 0, best.Number, best.Objective!.Value)));
        }

        var shown = build.Run("--target=ShowRun");
        Assert.That(shown.ExitCode, Is.Zero, shown.Output + shown.Errors);
        Assert.That(shown.Output, Does.Contain("Sweep: 6 trials: 6 finished; auc (maximize) by cross-validation").And.Contain(" (best)"));

        // When: nothing changed, then the space did
        var again = build.Run("--target=Train");
        build.EditPipeline("high: 0.3, log: true", "high: 0.2, log: true");
        var changed = build.Run("--target=Train");

        // Then
        Assert.That(again.ExitCode, Is.Zero, again.Output + again.Errors);
        Assert.That(again.Output, Does.Contain("reusing run").And.Not.Contain("sweep trial"));
        Assert.That(changed.ExitCode, Is.Zero, changed.Output + changed.Errors);
        Assert.That(changed.Output, Does.Contain("Train: changed since the last run: training.sweep.space.lightgbm.learning_rate"));
        var compared = build.Run("--target=Compare");
        Assert.That(compared.ExitCode, Is.Zero, compared.Output + compared.Errors);
        Assert.That(compared.Output, Does.Contain("best trial").And.Contain("best learning_rate"));
    }

    [Test]
    public void Should_Give_The_Same_Trials_And_Best_Parameters_For_The_Same_Seed()
    {
        // Given
        using var build = SweepSample(Sweep(sampler: "tpe", trials: 5));

        // When
        var first = build.Run("--target=Train");
        var second = build.Run("--target=Train", "--force");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Errors);
        using var store = TrackingStore.Open(build.Repository[".mlops"]);
        var runs = store.Runs.InExperiment("credit-scoring");
        var sweeps = runs.Select(r => SweepHistory.Of(store, r)!).ToList();
        Assert.That(sweeps[0].Trials.Select(t => t.Params), Is.EqualTo(sweeps[1].Trials.Select(t => t.Params)));
        Assert.That(sweeps[0].Trials.Select(t => t.Objective), Is.EqualTo(sweeps[1].Trials.Select(t => t.Objective)));
        Assert.That(sweeps[0].BestTrial, Is.EqualTo(sweeps[1].BestTrial));
        Assert.That(runs[0].Metrics["auc"], Is.EqualTo(runs[1].Metrics["auc"]));
    }

    [Test]
    public void Should_Try_Every_Combination_Of_A_Grid_Once()
    {
        // Given: two numbers of leaves by three numbers of iterations, and no trials given
        using var build = SweepSample("""
            sweep:
                sampler: grid
                folds: 2
                parallel: 2
                space:
                  lightgbm:
                    number_of_leaves: { choice: [4, 15] }
                    number_of_iterations: { low: 10, high: 30, step: 10 }
              test_fraction:
            """);

        // When
        var trained = build.Run("--target=Train");

        // Then
        Assert.That(trained.ExitCode, Is.Zero, trained.Output + trained.Errors);
        using var store = TrackingStore.Open(build.Repository[".mlops"]);
        var sweep = SweepHistory.Of(store, store.Runs.InExperiment("credit-scoring").Single())!;
        Assert.That(sweep.Trials.Select(t => (t.Params["number_of_leaves"], t.Params["number_of_iterations"])), Is.EquivalentTo(new[]
        {
            ("4", "10"), ("4", "20"), ("4", "30"), ("15", "10"), ("15", "20"), ("15", "30"),
        }));
    }

    [Test]
    public void Should_Stop_Poor_Trials_After_A_Fold_And_Record_Them_Pruned()
    {
        // Given: log-loss, where a learning rate near 0.0001 is no better than the base rate, and the median pruner
        using var build = SweepSample(Sweep(trials: 12, objective: "log_loss", pruner: "median", parallel: 1));

        // When
        var trained = build.Run("--target=Train");

        // Then
        Assert.That(trained.ExitCode, Is.Zero, trained.Output + trained.Errors);
        using var store = TrackingStore.Open(build.Repository[".mlops"]);
        var sweep = SweepHistory.Of(store, store.Runs.InExperiment("credit-scoring").Single())!;
        var pruned = sweep.Trials.Where(t => t.State == "pruned").ToList();
        Assert.That(pruned, Is.Not.Empty, string.Join("\n", sweep.Trials));
        Assert.That(pruned.Select(t => t.Steps), Is.All.EqualTo(1), "pruned after the first of two folds");
        Assert.That(pruned.Select(t => t.Number), Is.All.GreaterThanOrEqualTo(5), "no pruning before five finished trials");
        Assert.That(trained.Output, Does.Contain("pruned after fold 1, log_loss "));
    }

    [Test]
    public void Should_Keep_The_Finished_Trials_Of_A_Killed_Sweep_And_Mark_Its_Run_Killed()
    {
        // Given: a long sweep killed with SIGKILL once two trials have finished
        using var build = SweepSample(Sweep(trials: 200, parallel: 1));
        var validated = build.Run("--target=ValidateData");
        Assert.That(validated.ExitCode, Is.Zero, validated.Output + validated.Errors);
        string parent;
        using (var running = build.Launch("--target=Train", "--exclusive"))
        {
            var clock = Stopwatch.StartNew();
            while (FinishedTrials(build) is not (>= 2, _))
            {
                Assert.That(running.Wait(TimeSpan.FromMilliseconds(200)), Is.Null, "Train ended before the test could kill it");
                Assert.That(clock.Elapsed, Is.LessThan(TestTimeLimits.Run), "no two trials finished in time");
            }

            running.Kill();
            parent = FinishedTrials(build).Parent!;
        }

        // When: the next Train, with a smaller budget
        build.EditPipeline("trials: 200", "trials: 2");
        var next = build.Run("--target=Train");

        // Then
        Assert.That(next.ExitCode, Is.Zero, next.Output + next.Errors);
        Assert.That(next.Output, Does.Contain($"Train: run {parent} was left Running by process"));
        using var store = TrackingStore.Open(build.Repository[".mlops"]);
        var killed = store.Runs.GetRun(parent);
        Assert.That(killed.Status, Is.EqualTo(RunStatus.Killed));
        var trials = SweepHistory.Of(store, killed)!.Trials;
        Assert.That(trials.Count(t => t.State == "finished"), Is.GreaterThanOrEqualTo(2));
        Assert.That(trials.Select(t => t.State), Is.All.AnyOf("finished", "killed"));
        Assert.That(trials.Where(t => t.State == "finished").Select(t => t.Objective), Has.None.Null);
    }

    private static (int Finished, string? Parent) FinishedTrials(BuildProgram build)
    {
        if (!File.Exists(build.Repository[".mlops/mlops.db"]))
        {
            return (0, null);
        }

        using var store = TrackingStore.Open(build.Repository[".mlops"]);
        var parent = store.Runs.InExperiment("credit-scoring").FirstOrDefault(r => r.Status == RunStatus.Running);
        return parent is null ? (0, null)
            : (store.Runs.ChildrenOf(parent.Id).Count(c => c.Tags.GetValueOrDefault(SweepTags.State) == "finished"), parent.Id);
    }
}
