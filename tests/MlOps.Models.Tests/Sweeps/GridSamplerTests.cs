using MlOps.Models.Sweeps;
using static MlOps.Models.Tests.Sweeps.SweepRun;

namespace MlOps.Models.Tests.Sweeps;

public sealed class GridSamplerTests
{
    private static readonly SearchSpace Space = new([Int("depth", 1, 3), Float("fraction", 0, 1) with { Step = 0.5 }, Choice("booster", "gbdt", "dart")]);

    private static readonly SearchSpace Conditional = new(
    [
        Choice("trainer", "lightgbm", "forest"),
        Float("lightgbm.learning_rate", 0.1, 0.3) with { Step = 0.1, Trainer = "lightgbm" },
        Int("lightgbm.leaves", 10, 30) with { Step = 10, Trainer = "lightgbm" },
        Int("forest.trees", 100, 200) with { Step = 100, Trainer = "forest" },
    ]);

    [Test]
    public void Should_Enumerate_Every_Combination_Exactly_Once()
    {
        // Given
        var sampler = new GridSampler(5);
        var expected = from depth in new[] { "1", "2", "3" }
                       from fraction in new[] { "0", "0.5", "1" }
                       from booster in new[] { "gbdt", "dart" }
                       select $"{depth}|{fraction}|{booster}";

        // When
        var count = GridSampler.Count(Space);
        var seen = Enumerable.Range(0, count).Select(n => sampler.Sample(Space, [], n)).Select(s => $"{s["depth"]}|{s["fraction"]}|{s["booster"]}").ToList();

        // Then
        Assert.That(count, Is.EqualTo(18));
        Assert.That(seen, Is.EquivalentTo(expected));
    }

    [Test]
    public void Should_Shuffle_The_Order_By_The_Seed()
    {
        // Given
        List<string> Order(int seed) => [.. Enumerable.Range(0, 18).Select(n => string.Join('|', new GridSampler(seed).Sample(Space, [], n).Values))];

        // When
        var (first, again, other) = (Order(1), Order(1), Order(2));

        // Then
        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void Should_Make_The_Union_Over_Trainers_Of_Each_Trainers_Product()
    {
        // Given: 3 x 3 combinations for lightgbm, 2 for forest
        var sampler = new GridSampler(0);

        // When
        var count = GridSampler.Count(Conditional);
        var samples = Enumerable.Range(0, count).Select(n => sampler.Sample(Conditional, [], n)).ToList();

        // Then
        Assert.That(count, Is.EqualTo(11));
        Assert.That(samples.Select(s => string.Join(',', s.OrderBy(p => p.Key, StringComparer.Ordinal))).Distinct().Count(), Is.EqualTo(11));
        Assert.That(samples.Where(s => s["trainer"] == "forest").Select(s => s.Keys.Order(StringComparer.Ordinal)), Is.All.EqualTo(new[] { "forest.trees", "trainer" }));
        Assert.That(samples.Count(s => s["trainer"] == "lightgbm" && s.Count == 3), Is.EqualTo(9));
    }

    [Test]
    public void Should_Throw_Past_The_Last_Combination()
    {
        // Given
        var sampler = new GridSampler(0);

        // When
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Sample(Space, [], 18));

        // Then
        Assert.That(error.Message, Is.EqualTo("The grid has 18 combinations: trials 0 to 17. (Parameter 'number')\nActual value was 18."));
    }

    [Test]
    public void Should_Refuse_A_Float_Without_Step()
    {
        // Given
        var space = new SearchSpace([Float("rate", 0, 1)]);

        // When
        var error = Assert.Throws<ArgumentException>(() => GridSampler.Count(space));

        // Then
        Assert.That(error.Message, Is.EqualTo("Sweep dimension 'rate' is a Float without Step: a grid needs a step for every number. (Parameter 'space')"));
    }
}
