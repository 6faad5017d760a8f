using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

/// <summary>The distances over binned shares, against scipy and Evidently's stattests on the same samples.</summary>
public sealed class DistanceTests
{
    // r = G(2000, 7919, 1009, 10.0, 0.0); c = G(3000, 104729, 1013, 10.0, 7.5): Sturges bins, one empty
    private static readonly double[] Reference = Scipy.Sample(2000, 7919, 1009, 10.0, 0.0);
    private static readonly double[] Current = Scipy.Sample(3000, 104729, 1013, 10.0, 7.5);

    // r2 = G(900, 7919, 7, 1.0, 0.0); c2 = G(1100, 104729, 9, 1.0, 0.0): one bin per value
    private static readonly double[] FewReference = Scipy.Sample(900, 7919, 7, 1.0, 0.0);
    private static readonly double[] FewCurrent = Scipy.Sample(1100, 104729, 9, 1.0, 0.0);

    public sealed class JensenShannon
    {
        [Test]
        public void Should_Give_The_Distance_In_Natural_Log()
        {
            // When: distance.jensenshannon([.5, .3, .2], [.3, .4, .3])
            var result = JensenShannonDistance.Compute([.5, .3, .2], [.3, .4, .3]);

            // Then
            Assert.That(result, Scipy.Statistic(0.14577767970191227));
        }

        [Test]
        public void Should_Leave_Empty_Bins_Empty_As_Evidently_Does()
        {
            // When: Evidently's _jensenshannon(pd.Series(r), pd.Series(c), ColumnType.Numerical, 0.1)
            var result = JensenShannonDistance.Compute(DriftBinning.Bin(Reference, Current));

            // Then
            Assert.That(result, Scipy.Statistic(0.21950404901625076));
        }

        [Test]
        public void Should_Bin_A_Few_Distinct_Numbers_One_Per_Value()
        {
            // When: Evidently's _jensenshannon(pd.Series(r2), pd.Series(c2), ColumnType.Numerical, 0.1)
            var result = JensenShannonDistance.Compute(DriftBinning.Bin(FewReference, FewCurrent));

            // Then
            Assert.That(result, Scipy.Statistic(0.2895089227725764));
        }

        [Test]
        public void Should_Be_Zero_For_Equal_Shares()
        {
            // Then
            Assert.That(JensenShannonDistance.Compute([.2, .8], [.2, .8]), Is.Zero);
        }
    }

    public sealed class KullbackLeibler
    {
        [Test]
        public void Should_Fill_Empty_Bins_Then_Rescale_As_Evidently_Does()
        {
            // When: Evidently's _kl_div(pd.Series(r), pd.Series(c), ColumnType.Numerical, 0.1), that is
            // stats.entropy(rp, cp) after get_binned_data's zero fill
            var result = KullbackLeiblerDivergence.Compute(DriftBinning.Bin(Reference, Current));

            // Then
            Assert.That(result, Scipy.Statistic(0.2537254810464226));
        }

        [Test]
        public void Should_Bin_A_Few_Distinct_Numbers_One_Per_Value()
        {
            // When: Evidently's _kl_div(pd.Series(r2), pd.Series(c2), ColumnType.Numerical, 0.1)
            var result = KullbackLeiblerDivergence.Compute(DriftBinning.Bin(FewReference, FewCurrent));

            // Then
            Assert.That(result, Scipy.Statistic(0.2491584855765185));
        }
    }

    public sealed class Hellinger
    {
        [Test]
        public void Should_Compare_Densities_Over_Sturges_Bins_Of_The_Distinct_Values()
        {
            // When: Evidently's _hellinger_distance(pd.Series(r), pd.Series(c), ColumnType.Numerical, 0.1)
            var result = HellingerDistance.OfNumbers(Reference, Current);

            // Then
            Assert.That(result, Scipy.Statistic(0.18171120464432905));
        }

        [TestCase(1, 0.14615145170543617)]
        [TestCase(2, 0.711380864323751)]
        public void Should_Compare_The_Shares_Of_Each_Category(int variant, double expected)
        {
            // Given: Evidently's _hellinger_distance(pd.Series(r3), pd.Series(c3), ColumnType.Categorical, 0.1) for
            // r3 = [(i*i) % 7 for i in range(700)] and c3 = [(i*i) % 7 if i % 5 else 0 for i in range(650)]
            // or c3 = [(i*i*i) % 7 for i in range(500)]
            var reference = Enumerable.Range(0, 700).Select(i => i * i % 7);
            var current = variant == 1
                ? Enumerable.Range(0, 650).Select(i => i % 5 != 0 ? i * i % 7 : 0)
                : Enumerable.Range(0, 500).Select(i => i * i * i % 7);

            // When
            var result = HellingerDistance.OfCategories(reference, current);

            // Then
            Assert.That(result, Scipy.Statistic(expected));
        }

        [Test]
        public void Should_Be_One_For_Samples_That_Share_No_Value()
        {
            // Then
            Assert.That(HellingerDistance.OfCategories(["a"], ["b"]), Is.EqualTo(1.0));
        }
    }

    public sealed class Wasserstein
    {
        [Test]
        public void Should_Give_The_Area_Between_The_Two_Empirical_Cdfs()
        {
            // When: stats.wasserstein_distance(r, c)
            var result = WassersteinDistance.Compute(Reference, Current);

            // Then
            Assert.That(result, Scipy.Statistic(7.6556));
        }

        [Test]
        public void Should_Divide_By_The_Population_Spread_Of_The_Reference()
        {
            // When: stats.wasserstein_distance(r, c) / max(np.std(r), 0.001), np.std(r) = 29.143829713851954
            var result = WassersteinDistance.Normed(Reference, Current);

            // Then
            Assert.That(result, Scipy.Statistic(0.26268339045233036));
        }

        [Test]
        public void Should_Divide_By_A_Thousandth_When_The_Reference_Is_Constant()
        {
            // When: stats.wasserstein_distance([1.0, 1.0], [1.0, 1.002]) / max(np.std([1.0, 1.0]), 0.001)
            var result = WassersteinDistance.Normed([1.0, 1.0], [1.0, 1.002]);

            // Then
            Assert.That(result, Scipy.Statistic(1.0000000000000009));
        }

        [Test]
        public void Should_Be_Zero_For_The_Same_Values_In_Another_Order()
        {
            // Then
            Assert.That(WassersteinDistance.Compute([3.0, 1.0, 2.0], [1.0, 2.0, 3.0]), Is.Zero);
        }
    }
}
