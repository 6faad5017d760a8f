using MlOps.Models.Sweeps;
using static MlOps.Models.Tests.Sweeps.SweepRun;

namespace MlOps.Models.Tests.Sweeps;

public sealed class TpeSamplerTests
{
    private static readonly SearchSpace Bowl = new([Float("x", -5, 5), Float("y", -5, 5)]);

    private static readonly SearchSpace Conditional = new(
    [
        Choice("trainer", "lightgbm", "forest"),
        Float("lightgbm.learning_rate", 0.001, 0.3) with { Log = true, Trainer = "lightgbm" },
        Int("forest.trees", 10, 500) with { Step = 10, Trainer = "forest" },
        Int("seed", 0, 3),
    ]);

    private static double Quadratic(IReadOnlyDictionary<string, string> p) => Math.Pow(Number(p, "x") - 1, 2) + Math.Pow(Number(p, "y") + 2, 2);

    private static double Best(ISweepSampler sampler) => SweepRun.Trials(sampler, Bowl, 40, Quadratic).Min(t => t.Loss!.Value);

    [Test]
    public void Should_Find_A_Lower_Loss_Than_Random_Sampling_On_A_Quadratic_Bowl()
    {
        // Given
        int[] seeds = [1, 2, 3, 4, 5];

        // When
        var tpe = seeds.Average(s => Best(new TpeSampler(s)));
        var random = seeds.Average(s => Best(new RandomSampler(s)));

        // Then
        Assert.That(tpe, Is.LessThan(random));
    }

    [Test]
    public void Should_Draw_Near_The_Minimum_Of_A_Stepped_Dimension_Once_Past_The_Random_Start()
    {
        // Given: the loss is the value itself, on 0..20; uniform draws average 10
        var space = new SearchSpace([Int("depth", 0, 20)]);

        // When
        var trials = SweepRun.Trials(new TpeSampler(1), space, 50, p => Number(p, "depth"));

        // Then
        Assert.That(trials.Skip(30).Average(t => t.Loss!.Value), Is.LessThan(5));
    }

    [Test]
    public void Should_Give_The_Same_Sequence_For_The_Same_Seed()
    {
        // Given
        List<IReadOnlyDictionary<string, string>> Run(int seed) => [.. SweepRun.Trials(new TpeSampler(seed), Bowl, 25, Quadratic).Select(t => t.Params)];

        // When
        var (first, again) = (Run(9), Run(9));

        // Then
        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public void Should_Sample_Only_The_Active_Dimensions_Of_A_Conditional_Space()
    {
        // Given: forest is better, and fewer trees are better
        static double Loss(IReadOnlyDictionary<string, string> p) => p["trainer"] == "forest" ? Number(p, "forest.trees") / 1000 : 1;

        // When
        var trials = SweepRun.Trials(new TpeSampler(4), Conditional, 40, Loss);

        // Then
        var lightgbm = trials.Select(t => t.Params).Where(p => p["trainer"] == "lightgbm").ToList();
        var forest = trials.Select(t => t.Params).Where(p => p["trainer"] == "forest").ToList();
        Assert.That(lightgbm.Select(p => p.Keys.Order(StringComparer.Ordinal)), Is.All.EqualTo(new[] { "lightgbm.learning_rate", "seed", "trainer" }));
        Assert.That(forest.Select(p => p.Keys.Order(StringComparer.Ordinal)), Is.All.EqualTo(new[] { "forest.trees", "seed", "trainer" }));
        Assert.That(lightgbm.Select(p => Number(p, "lightgbm.learning_rate")), Is.All.InRange(0.001, 0.3));
        Assert.That(forest.Select(p => Number(p, "forest.trees") % 10), Is.All.EqualTo(0));
        Assert.That(forest.Skip(10).Count(), Is.GreaterThan(lightgbm.Skip(10).Count()));
    }

    [Test]
    public void Should_Count_Pruned_Trials_Without_A_Loss()
    {
        // Given: 12 trials, every other one pruned after two steps
        var random = new RandomSampler(2);
        var history = Enumerable.Range(0, 12).Select(n =>
        {
            var p = random.Sample(Bowl, [], n);
            return n % 2 == 0
                ? new SweepTrial(n, p, TrialState.Pruned, null, [Quadratic(p) + 1, Quadratic(p)])
                : new SweepTrial(n, p, TrialState.Finished, Quadratic(p), [Quadratic(p)]);
        }).ToList();

        // When
        var sample = new TpeSampler(2).Sample(Bowl, history, 12);

        // Then
        Assert.That(new[] { Number(sample, "x"), Number(sample, "y") }, Is.All.InRange(-5.0, 5.0));
    }

    [Test]
    public void Should_Sample_When_Every_Trial_Was_Pruned_Or_Failed()
    {
        // Given
        var random = new RandomSampler(6);
        var history = Enumerable.Range(0, 12)
            .Select(n => new SweepTrial(n, random.Sample(Bowl, [], n), n < 11 ? TrialState.Pruned : TrialState.Failed, null, [1.0]))
            .ToList();

        // When
        var sample = new TpeSampler(6).Sample(Bowl, history, 12);

        // Then
        Assert.That(sample.Keys, Is.EquivalentTo(new[] { "x", "y" }));
    }

    [Test]
    public void Should_Use_Optunas_Default_Gamma()
    {
        // Given
        int[] n = [1, 10, 11, 100, 250, 251, 1000];

        // When
        var gamma = n.Select(TpeSampler.Gamma);

        // Then
        Assert.That(gamma, Is.EqualTo(new[] { 1, 1, 2, 10, 25, 25, 25 }));
    }
}
