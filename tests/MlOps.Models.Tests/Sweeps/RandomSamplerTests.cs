using MlOps.Models.Sweeps;
using static MlOps.Models.Tests.Sweeps.SweepRun;

namespace MlOps.Models.Tests.Sweeps;

public sealed class RandomSamplerTests
{
    private static readonly SearchSpace Space = new(
    [
        Int("depth", 2, 12) with { Step = 2 },
        Float("rate", 0.01, 1) with { Log = true },
        Float("fraction", 0.1, 0.9) with { Step = 0.1 },
        Int("leaves", 1, 1000) with { Log = true },
        Choice("booster", "gbdt", "dart"),
    ]);

    [Test]
    public void Should_Keep_Every_Value_In_Its_Range_And_On_Its_Step()
    {
        // Given
        var sampler = new RandomSampler(7);
        string[] fractions = ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"];

        // When
        var samples = Enumerable.Range(0, 500).Select(n => sampler.Sample(Space, [], n)).ToList();

        // Then
        Assert.That(samples.Select(s => Number(s, "depth")), Is.All.AnyOf(2.0, 4.0, 6.0, 8.0, 10.0, 12.0));
        Assert.That(samples.Select(s => Number(s, "rate")), Is.All.InRange(0.01, 1.0));
        Assert.That(samples.Select(s => s["fraction"]), Is.All.AnyOf(fractions));
        Assert.That(samples.Select(s => s["leaves"]), Is.All.Matches<string>(t => int.TryParse(t, out var v) && v >= 1 && v <= 1000));
        Assert.That(samples.Select(s => s["booster"]).Distinct(), Is.EquivalentTo(new[] { "gbdt", "dart" }));
    }

    [Test]
    public void Should_Draw_A_Log_Dimension_Uniformly_In_Log_Space()
    {
        // Given: the geometric middle of [1e-4, 1] is 1e-2
        var space = new SearchSpace([Float("rate", 1e-4, 1) with { Log = true }]);
        var sampler = new RandomSampler(3);

        // When
        var below = Enumerable.Range(0, 2000).Count(n => Number(sampler.Sample(space, [], n), "rate") < 1e-2);

        // Then
        Assert.That(below / 2000.0, Is.EqualTo(0.5).Within(0.04));
    }

    [Test]
    public void Should_Give_The_Same_Values_For_The_Same_Seed_And_Others_For_Another()
    {
        // Given
        IReadOnlyDictionary<string, string> Draw(int seed, int number) => new RandomSampler(seed).Sample(Space, [], number);

        // When
        var first = Enumerable.Range(0, 20).Select(n => Draw(42, n)).ToList();
        var again = Enumerable.Range(0, 20).Select(n => Draw(42, n)).ToList();
        var other = Enumerable.Range(0, 20).Select(n => Draw(43, n)).ToList();

        // Then
        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void Should_Name_The_Dimension_Whose_Range_Is_Reversed()
    {
        // Given
        var space = new SearchSpace([Float("rate", 1, 0.1)]);

        // When
        var error = Assert.Throws<ArgumentException>(() => new RandomSampler(1).Sample(space, [], 0));

        // Then
        Assert.That(error.Message, Is.EqualTo("Sweep dimension 'rate' has Low 1 above High 0.1. (Parameter 'SearchSpace')"));
    }
}
