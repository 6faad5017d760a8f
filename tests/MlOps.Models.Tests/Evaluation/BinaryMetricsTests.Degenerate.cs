using MlOps.Models.Evaluation;

namespace MlOps.Models.Tests.Evaluation;

/// <summary>Inputs with nothing or too little to measure.</summary>
public sealed partial class BinaryMetricsTests
{
    public sealed class Degenerate
    {
        [Test]
        public void Should_Give_NaN_Ranking_Metrics_And_Flag_A_Test_Set_Without_Positives()
        {
            // Given: all_metrics([0, 0, 0], [0.2, 0.6, 0.4]); sklearn raises for roc_auc and returns 0 (with a warning) for AP
            bool[] labels = [false, false, false];
            double[] scores = [0.2, 0.6, 0.4];
            var sklearn = new SklearnMetrics(RocAuc: double.NaN, AveragePrecision: double.NaN, Accuracy: 0.6666666666666666,
                Precision: 0.0, Recall: 0.0, F1: 0.0, LogLoss: 0.5500866356514519, Brier: 0.18666666666666668, Ece: 0.4,
                Confusion: [0, 1, 2, 0]);

            // When
            var metrics = BinaryMetrics.Compute(labels, scores);

            // Then
            sklearn.AssertMatches(metrics);
            Assert.That(metrics.IsSingleClass, Is.True);
            Assert.That((metrics.Count, metrics.Positives, metrics.Negatives), Is.EqualTo((3, 0, 3)));
        }

        [Test]
        public void Should_Give_NaN_Area_But_Average_Precision_One_When_Every_Row_Is_Positive()
        {
            // Given: all_metrics([1, 1, 1], [0.2, 0.6, 0.4])
            bool[] labels = [true, true, true];
            double[] scores = [0.2, 0.6, 0.4];
            var sklearn = new SklearnMetrics(RocAuc: double.NaN, AveragePrecision: 1.0, Accuracy: 0.3333333333333333,
                Precision: 1.0, Recall: 0.3333333333333333, F1: 0.5, LogLoss: 1.0121847560247488, Brier: 0.3866666666666667,
                Ece: 0.6, Confusion: [1, 0, 0, 2]);

            // When
            var metrics = BinaryMetrics.Compute(labels, scores);

            // Then
            sklearn.AssertMatches(metrics);
            Assert.That(metrics.IsSingleClass, Is.True);
        }

        [Test]
        public void Should_Not_Flag_A_Test_Set_With_Both_Classes()
        {
            // When
            var metrics = BinaryMetrics.Compute([true, false, false], [0.9, 0.1, 0.2]);

            // Then
            Assert.That(metrics.IsSingleClass, Is.False);
            Assert.That((metrics.Count, metrics.Positives, metrics.Negatives), Is.EqualTo((3, 1, 2)));
        }

        [Test]
        public void Should_Refuse_Empty_Input()
        {
            // When
            var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([], []));

            // Then
            Assert.That(error.Message, Is.EqualTo("There are no rows to measure: labels and scores are empty. (Parameter 'labels')"));
        }

        [Test]
        public void Should_Refuse_Lists_Of_Different_Lengths()
        {
            // When
            var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([true, false, true], [0.1, 0.2]));

            // Then
            Assert.That(error.Message, Is.EqualTo("There are 3 labels but 2 scores; give one score per label. (Parameter 'scores')"));
        }

        [TestCase(double.NaN, "NaN")]
        [TestCase(1.5, "1.5")]
        [TestCase(-1e-9, "-1E-09")]
        [TestCase(double.PositiveInfinity, "Infinity")]
        public void Should_Name_The_Row_Whose_Score_Is_Not_A_Probability(double score, string shown)
        {
            // When
            var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([true, false, true], [0.1, 0.2, score]));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"Score at row 2 (counting from 0) is {shown}; scores must be probabilities in [0, 1]. (Parameter 'scores')"));
        }
    }
}
