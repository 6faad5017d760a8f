using MlOps.Models.Evaluation;

namespace MlOps.Models.Tests.Evaluation;

/// <summary>Which rows count as predicted positive: score strictly above the threshold, as sklearn's predict and ML.NET decide.</summary>
public sealed partial class BinaryMetricsTests
{
    public sealed class Threshold
    {
        private static readonly bool[] Labels = [true, false, true, false];
        private static readonly double[] Scores = [0.5, 0.5, 0.7, 0.2];

        [Test]
        public void Should_Predict_Negative_For_A_Probability_Exactly_At_The_Default_Threshold()
        {
            // Given: all_metrics([1, 0, 1, 0], [0.5, 0.5, 0.7, 0.2])
            var sklearn = new SklearnMetrics(RocAuc: 0.875, AveragePrecision: 0.8333333333333333, Accuracy: 0.75, Precision: 1.0,
                Recall: 0.5, F1: 0.6666666666666666, LogLoss: 0.4915282140932082, Brier: 0.15750000000000003, Ece: 0.125,
                Confusion: [1, 0, 2, 1]);

            // When
            var metrics = BinaryMetrics.Compute(Labels, Scores);

            // Then
            Assert.That(metrics.Threshold, Is.EqualTo(0.5));
            sklearn.AssertMatches(metrics);
        }

        [Test]
        public void Should_Use_The_Given_Threshold_And_Give_Zero_Precision_When_Nothing_Is_Predicted_Positive()
        {
            // Given: all_metrics([1, 0, 1, 0], [0.5, 0.5, 0.7, 0.2], thr=0.7)
            var sklearn = new SklearnMetrics(RocAuc: 0.875, AveragePrecision: 0.8333333333333333, Accuracy: 0.5, Precision: 0.0,
                Recall: 0.0, F1: 0.0, LogLoss: 0.4915282140932082, Brier: 0.15750000000000003, Ece: 0.125, Confusion: [0, 0, 2, 2]);

            // When
            var metrics = BinaryMetrics.Compute(Labels, Scores, threshold: 0.7);

            // Then
            Assert.That(metrics.Threshold, Is.EqualTo(0.7));
            sklearn.AssertMatches(metrics);
        }

        [TestCase(double.NaN, "NaN")]
        [TestCase(-0.1, "-0.1")]
        [TestCase(1.5, "1.5")]
        public void Should_Refuse_A_Threshold_That_Is_Not_A_Probability(double threshold, string shown)
        {
            // When
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMetrics.Compute(Labels, Scores, threshold));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"The threshold must be a probability in [0, 1]. (Parameter 'threshold'){Environment.NewLine}Actual value was {shown}."));
        }
    }
}
