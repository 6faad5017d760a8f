using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

public sealed class ProportionsZTestTests
{
    [Test]
    public void Should_Pool_The_Proportions_And_Give_A_Two_Sided_P_Value()
    {
        // When
        var result = ProportionsZTest.FromCounts(referenceHits: 60, referenceRows: 100, currentHits: 45, currentRows: 100);

        // Then
        Assert.That(result.Statistic, Scipy.Statistic(2.1239769762143657));
        Assert.That(result.PValue, Scipy.PValue(0.03367206885634588));
    }

    [Test]
    public void Should_Count_Every_Value_But_The_Smallest_As_A_Hit_As_Evidently_Does()
    {
        // Given: rz = [1.0 if (i*7919) % 10 < 3 else 0.0 for i in range(900)]; cz = [... (i*104729) % 10 < 4 ... range(800)]
        // n1, n2 = 900, 800; p1 = sum(rz) / n1; p2 = sum(cz) / n2; P = (p1*n1 + p2*n2) / (n1 + n2)
        // z = (p1 - p2) / np.sqrt(P*(1 - P)*(1/n1 + 1/n2)); 2 * (1 - stats.norm.cdf(abs(z)))
        var reference = Enumerable.Range(0, 900).Select(i => i * 7919L % 10 < 3 ? "yes" : "no");
        var current = Enumerable.Range(0, 800).Select(i => i * 104729L % 10 < 4 ? "yes" : "no");

        // When
        var result = ProportionsZTest.Compute(reference, current);

        // Then
        Assert.That(result.Statistic, Scipy.Statistic(-4.3231789596308605));
        Assert.That(result.PValue, Scipy.PValue(1.5379687802630215e-05));
    }

    [Test]
    public void Should_Give_P_One_When_Both_Samples_Hold_One_And_The_Same_Value()
    {
        // When
        var result = ProportionsZTest.Compute([true, true], [true, true, true]);

        // Then
        Assert.That((result.Statistic, result.PValue), Is.EqualTo((0.0, 1.0)));
    }

    [Test]
    public void Should_Test_Two_Samples_Of_One_Value_Each_When_The_Values_Differ()
    {
        // Given: p1 = 0, p2 = 1, P = 0.5 -> z = -1 / sqrt(0.25 * (1/2 + 1/2)) = -2, p = 2 (1 - norm.cdf(2))
        // When
        var result = ProportionsZTest.Compute(["a", "a"], ["b", "b"]);

        // Then
        Assert.That(result.Statistic, Scipy.Statistic(-2.0));
        Assert.That(result.PValue, Scipy.PValue(0.04550026389635842));
    }

    [Test]
    public void Should_Refuse_A_Sample_Without_Rows()
    {
        // When
        var error = Assert.Throws<ArgumentException>(() => ProportionsZTest.FromCounts(0, 0, 1, 2));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            "The reference sample is empty; drift is measured between two samples of at least one value each. (Parameter 'reference')"));
    }
}
