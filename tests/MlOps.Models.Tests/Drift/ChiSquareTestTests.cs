using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

public sealed class ChiSquareTestTests
{
    [Test]
    public void Should_Test_The_Current_Counts_Against_The_Reference_Shares()
    {
        // Given
        var reference = new Dictionary<string, long> { ["A"] = 50, ["B"] = 30, ["C"] = 20 };
        var current = new Dictionary<string, long> { ["A"] = 30, ["B"] = 40, ["C"] = 30 };

        // When
        var result = ChiSquareTest.FromCounts(reference, current);

        // Then
        Assert.That(result.Statistic, Scipy.Statistic(16.333333333333336));
        Assert.That(result.DegreesOfFreedom, Is.EqualTo(2));
        Assert.That(result.PValue, Scipy.PValue(0.0002839629839032563));
    }

    [Test]
    public void Should_Count_The_Values_Of_Each_Sample_First()
    {
        // Given: the same counts as rows, in no order
        string[] reference = [.. Enumerable.Repeat("B", 30), .. Enumerable.Repeat("A", 50), .. Enumerable.Repeat("C", 20)];
        string[] current = [.. Enumerable.Repeat("C", 30), .. Enumerable.Repeat("A", 30), .. Enumerable.Repeat("B", 40)];

        // When
        var result = ChiSquareTest.Compute(reference, current);

        // Then
        Assert.That(result.Statistic, Scipy.Statistic(16.333333333333336));
        Assert.That(result.PValue, Scipy.PValue(0.0002839629839032563));
    }

    [Test]
    public void Should_Keep_The_Digits_Of_A_Tiny_P_Value()
    {
        // Given: r = [(i*i) % 7 for i in range(700)]; c = [(i*i) % 7 if i % 5 else 0 for i in range(650)]
        // k = len(c) / len(r); stats.chisquare([c.count(v) for v in (0, 1, 2, 4)], [r.count(v) * k for v in (0, 1, 2, 4)])
        var reference = Enumerable.Range(0, 700).Select(i => i * i % 7);
        var current = Enumerable.Range(0, 650).Select(i => i % 5 != 0 ? i * i % 7 : 0);

        // When
        var result = ChiSquareTest.Compute(reference, current);

        // Then
        Assert.That(result.Statistic, Scipy.Statistic(155.20461538461538));
        Assert.That(result.DegreesOfFreedom, Is.EqualTo(3));
        Assert.That(result.PValue, Scipy.PValue(1.9856834455617555e-33));
    }

    [Test]
    public void Should_Give_An_Infinite_Statistic_And_P_Zero_For_A_Value_The_Reference_Lacks()
    {
        // Given
        var reference = new Dictionary<string, long> { ["A"] = 50, ["B"] = 50 };
        var current = new Dictionary<string, long> { ["A"] = 50, ["B"] = 49, ["new"] = 1 };

        // When
        var result = ChiSquareTest.FromCounts(reference, current);

        // Then
        Assert.That(result.Statistic, Is.EqualTo(double.PositiveInfinity));
        Assert.That(result.DegreesOfFreedom, Is.EqualTo(2));
        Assert.That(result.PValue, Is.Zero);
    }

    [Test]
    public void Should_Give_P_One_When_The_Shares_Match()
    {
        // When
        var result = ChiSquareTest.Compute(["a", "b", "b", "c"], ["c", "b", "a", "b", "a", "b", "b", "c"]);

        // Then
        Assert.That((result.Statistic, result.PValue), Is.EqualTo((0.0, 1.0)));
    }

    [Test]
    public void Should_Give_NaN_With_One_Value_As_Scipy_Does()
    {
        // When: stats.chisquare([5], [5.0]) -> statistic 0.0, p nan (no degrees of freedom)
        var result = ChiSquareTest.Compute(["a", "a"], ["a", "a", "a", "a", "a"]);

        // Then
        Assert.That(result.Statistic, Is.Zero);
        Assert.That(result.DegreesOfFreedom, Is.Zero);
        Assert.That(result.PValue, Is.NaN);
    }

    [Test]
    public void Should_Refuse_An_Empty_Sample()
    {
        // When
        var error = Assert.Throws<ArgumentException>(() => ChiSquareTest.Compute(Array.Empty<string>(), ["a"]));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            "The reference sample is empty; drift is measured between two samples of at least one value each. (Parameter 'reference')"));
    }
}
