using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

public sealed class KolmogorovSmirnovTestTests
{
    public sealed class QualityVectors
    {
        [Test]
        public void Should_Give_The_Exact_P_Value_Of_Two_Small_Samples()
        {
            // Given
            double[] reference = [1.2, 3.4, 0.5, 2.2, 4.1, 1.9, 2.8, 0.9];
            double[] current = [2.5, 4.6, 3.9, 5.3, 3.1, 4.4, 6.0, 2.9];

            // When
            var result = KolmogorovSmirnovTest.Compute(reference, current);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(0.625));
            Assert.That(result.PValue, Scipy.PValue(0.08702408702408701));
            Assert.That(result.IsExact, Is.True);
        }

        [Test]
        public void Should_Give_The_Exact_P_Value_Of_Two_Shifted_Ranges()
        {
            // Given
            double[] reference = [.. Enumerable.Range(0, 200).Select(i => (double)i)];
            double[] current = [.. Enumerable.Range(30, 200).Select(i => (double)i)];

            // When
            var result = KolmogorovSmirnovTest.Compute(reference, current);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(0.15));
            Assert.That(result.PValue, Scipy.PValue(0.0220923622208589));
        }
    }

    public sealed class AgreementWithScipy
    {
        [TestCase(9.0, 0.09238095238095238, 0.09456035279372178)]
        [TestCase(25.0, 0.25142857142857145, 3.3424340948739686e-10)]
        public void Should_Count_Paths_Outside_The_Band_For_Samples_Of_Different_Sizes(double shift, double d, double p)
        {
            // Given: stats.ks_2samp(G(300, 7919, 1000, 10.0, 0.0), G(420, 104729, 997, 10.0, shift)), values tied within and across
            var reference = Scipy.Sample(300, 7919, 1000, 10.0, 0.0);
            var current = Scipy.Sample(420, 104729, 997, 10.0, shift);

            // When
            var result = KolmogorovSmirnovTest.Compute(reference, current);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(d));
            Assert.That(result.PValue, Scipy.PValue(p));
            Assert.That(result.IsExact, Is.True);
        }

        [Test]
        public void Should_Count_Paths_Outside_The_Square_For_Samples_Of_One_Size()
        {
            // Given: stats.ks_2samp(G(500, 7919, 1000, 10.0, 0.0), G(500, 104729, 997, 10.0, 8.0))
            var reference = Scipy.Sample(500, 7919, 1000, 10.0, 0.0);
            var current = Scipy.Sample(500, 104729, 997, 10.0, 8.0);

            // When
            var result = KolmogorovSmirnovTest.Compute(reference, current);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(0.082));
            Assert.That(result.PValue, Scipy.PValue(0.06930076569272504));
        }

        [Test]
        public void Should_Stay_Exact_Up_To_Ten_Thousand_Values()
        {
            // Given: stats.ks_2samp(G(5000, 7919, 1000, 10.0, 0.0), G(7919, 104729, 997, 10.0, 2.0))
            var reference = Scipy.Sample(5000, 7919, 1000, 10.0, 0.0);
            var current = Scipy.Sample(7919, 104729, 997, 10.0, 2.0);

            // When
            var result = KolmogorovSmirnovTest.Compute(reference, current);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(0.02));
            Assert.That(result.PValue, Scipy.PValue(0.1692503789107697));
            Assert.That(result.IsExact, Is.True);
        }

        [TestCase(0.2, 0.0028166666666666895, 0.9999998391510962)]
        [TestCase(1.5, 0.015716666666666712, 0.028674008530398254)]
        [TestCase(3.0, 0.030716666666666725, 1.8479474126081526e-07)]
        public void Should_Use_The_Kolmogorov_Distribution_Past_Ten_Thousand_Values(double shift, double d, double p)
        {
            // Given: stats.ks_2samp(G(20000, 7919, 10007, 100.0, 0.0), G(15000, 104729, 10009, 100.0, shift)), that is
            // kstwo.sf(D, round(20000 * 15000 / 35000)) by Durbin's matrix, Pelz-Good's expansion and the Smirnov sum
            var reference = Scipy.Sample(20000, 7919, 10007, 100.0, 0.0);
            var current = Scipy.Sample(15000, 104729, 10009, 100.0, shift);

            // When
            var result = KolmogorovSmirnovTest.Compute(reference, current);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(d));
            Assert.That(result.PValue, Scipy.PValue(p));
            Assert.That(result.IsExact, Is.False);
        }

        [Test]
        public void Should_Use_The_Small_Sample_Distribution_When_The_Current_Sample_Is_Small()
        {
            // Given: stats.ks_2samp(G(12000, 7919, 10007, 100.0, 0.0), G(50, 104729, 10009, 100.0, 10.0)),
            // kstwo.sf(D, 50) by Pomeranz's recursion
            var reference = Scipy.Sample(12000, 7919, 10007, 100.0, 0.0);
            var current = Scipy.Sample(50, 104729, 10009, 100.0, 10.0);

            // When
            var result = KolmogorovSmirnovTest.Compute(reference, current);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(0.12791666666666657));
            Assert.That(result.PValue, Scipy.PValue(0.35605491001695844));
            Assert.That(result.IsExact, Is.False);
        }
    }

    public sealed class EdgeCases
    {
        [Test]
        public void Should_Give_D_Zero_And_P_One_For_Identical_Samples()
        {
            // Given
            double[] sample = [3.0, 1.0, 2.0, 2.0, 5.0];

            // When
            var result = KolmogorovSmirnovTest.Compute(sample, [.. sample.Reverse()]);

            // Then
            Assert.That(result.Statistic, Is.Zero);
            Assert.That(result.PValue, Is.EqualTo(1.0));
        }

        [Test]
        public void Should_Give_D_Zero_And_P_One_For_Identical_Large_Samples()
        {
            // Given
            var sample = Scipy.Sample(20000, 7919, 10007, 100.0, 0.0);

            // When
            var result = KolmogorovSmirnovTest.Compute(sample, sample);

            // Then
            Assert.That((result.Statistic, result.PValue, result.IsExact), Is.EqualTo((0.0, 1.0, false)));
        }

        [Test]
        public void Should_Compare_Tied_Values_Only_After_The_Last_Of_Them()
        {
            // Given: stats.ks_2samp([1, 1, 1, 2], [1, 2, 2, 2]) -> D 0.5, p 0.7714285714285716
            double[] reference = [1, 1, 1, 2];
            double[] current = [2, 1, 2, 2];

            // When
            var result = KolmogorovSmirnovTest.Compute(reference, current);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(0.5));
            Assert.That(result.PValue, Scipy.PValue(0.7714285714285716));
        }

        [Test]
        public void Should_Test_A_Sample_Of_One_Value()
        {
            // Given: stats.ks_2samp([1.0], [2.0, 3.0]) -> D 1.0, p 0.6666666666666666
            // When
            var result = KolmogorovSmirnovTest.Compute([1.0], [3.0, 2.0]);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(1.0));
            Assert.That(result.PValue, Scipy.PValue(0.6666666666666666));
        }

        [Test]
        public void Should_Test_One_Value_Against_A_Large_Sample()
        {
            // Given: stats.ks_2samp([50.0], G(10001, 7919, 10007, 100.0, 0.0)) -> kstwo.sf(D, 1) = 2 - 2 D
            var reference = Scipy.Sample(10001, 7919, 10007, 100.0, 0.0);

            // When
            var result = KolmogorovSmirnovTest.Compute(reference, [50.0]);

            // Then
            Assert.That(result.Statistic, Scipy.Statistic(0.5003499650034997));
            Assert.That(result.PValue, Scipy.PValue(0.9993000699930006));
            Assert.That(result.IsExact, Is.False);
        }

        [Test]
        public void Should_Refuse_An_Empty_Sample()
        {
            // When
            var error = Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.Compute([1.0, 2.0], []));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                "The current sample is empty; drift is measured between two samples of at least one value each. (Parameter 'current')"));
        }

        [Test]
        public void Should_Name_The_Row_Holding_NaN()
        {
            // When
            var error = Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.Compute([1.0, double.NaN], [1.0]));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                "The reference sample holds NaN at row 1 (counting from 0); drop missing values before testing for drift. (Parameter 'reference')"));
        }
    }
}
