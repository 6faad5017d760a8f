using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

public sealed class PopulationStabilityIndexTests
{
    [TestCase(new[] { .25, .25, .25, .25 }, new[] { .10, .20, .30, .40 }, 0.22821740957339182)]
    [TestCase(new[] { .5, .3, .2 }, new[] { .3, .4, .3 }, 0.17147984280919268)]
    public void Should_Sum_The_Share_Differences_Times_Their_Log_Ratios(double[] reference, double[] current, double psi)
    {
        // When
        var result = PopulationStabilityIndex.Compute(reference, current);

        // Then
        Assert.That(result, Scipy.Statistic(psi));
    }

    [Test]
    public void Should_Fill_An_Empty_Bin_Before_Taking_The_Log()
    {
        // Given: Evidently's _psi(pd.Series(G(2000, 7919, 1009, 10.0, 0.0)), pd.Series(G(3000, 104729, 1013, 10.0, 7.5)),
        // ColumnType.Numerical, 0.1): the last Sturges bin has no reference rows (np.sum gives inf without the fill)
        var binned = DriftBinning.Bin(Scipy.Sample(2000, 7919, 1009, 10.0, 0.0), Scipy.Sample(3000, 104729, 1013, 10.0, 7.5));

        // When
        var result = PopulationStabilityIndex.Compute(binned);

        // Then
        Assert.That(result, Scipy.Statistic(0.7533793235578723));
    }

    [Test]
    public void Should_Bin_A_Few_Distinct_Numbers_One_Per_Value()
    {
        // Given: Evidently's _psi(pd.Series(G(900, 7919, 7, 1.0, 0.0)), pd.Series(G(1100, 104729, 9, 1.0, 0.0)), ...):
        // values 7 and 8 only in the current sample
        var binned = DriftBinning.Bin(Scipy.Sample(900, 7919, 7, 1.0, 0.0), Scipy.Sample(1100, 104729, 9, 1.0, 0.0));

        // When
        var result = PopulationStabilityIndex.Compute(binned);

        // Then
        Assert.That(result, Scipy.Statistic(1.6094891686678905));
    }

    [TestCase(0.0, PsiBand.Stable)]
    [TestCase(0.0999, PsiBand.Stable)]
    [TestCase(0.1, PsiBand.Moderate)]
    [TestCase(0.25, PsiBand.Moderate)]
    [TestCase(0.2501, PsiBand.Major)]
    public void Should_Band_The_Index(double psi, PsiBand band)
    {
        // Then
        Assert.That(PopulationStabilityIndex.Band(psi), Is.EqualTo(band));
    }

    [Test]
    public void Should_Refuse_Lists_Of_Different_Lengths()
    {
        // When
        var error = Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([0.5, 0.5], [1.0]));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            "There are 2 reference shares but 1 current shares; give one of each per bin. (Parameter 'current')"));
    }
}
