using MlOps.Models.Evaluation;

namespace MlOps.Models.Tests.Evaluation;

/// <summary>Every metric against scikit-learn's own numbers (see <see cref="SklearnMetrics"/> for the script).</summary>
public sealed partial class BinaryMetricsTests
{
    public sealed class AgreementWithScikitLearn
    {
        [Test]
        public void Should_Count_Tied_Scores_As_One_Threshold()
        {
            // Given: all_metrics([0, 1, 0, 1, 1, 0, 0, 1, 1, 0], [0.1, 0.4, 0.4, 0.8, 0.8, 0.8, 0.35, 0.1, 0.5, 0.5])
            bool[] labels = [false, true, false, true, true, false, false, true, true, false];
            double[] scores = [0.1, 0.4, 0.4, 0.8, 0.8, 0.8, 0.35, 0.1, 0.5, 0.5];
            var sklearn = new SklearnMetrics(RocAuc: 0.62, AveragePrecision: 0.6009523809523809, Accuracy: 0.6,
                Precision: 0.6666666666666666, Recall: 0.4, F1: 0.5, LogLoss: 0.7707864256566882, Brier: 0.26825,
                Ece: 0.13500000000000006, Confusion: [2, 1, 4, 3]);

            // When
            var metrics = BinaryMetrics.Compute(labels, scores);

            // Then
            sklearn.AssertMatches(metrics);
        }

        [Test]
        public void Should_Give_Half_Area_And_The_Base_Rate_When_All_Scores_Are_Equal()
        {
            // Given: all_metrics([1, 0, 0, 1, 0, 0], [0.3] * 6)
            bool[] labels = [true, false, false, true, false, false];
            double[] scores = [0.3, 0.3, 0.3, 0.3, 0.3, 0.3];
            var sklearn = new SklearnMetrics(RocAuc: 0.5, AveragePrecision: 0.3333333333333333, Accuracy: 0.6666666666666666,
                Precision: 0.0, Recall: 0.0, F1: 0.0, LogLoss: 0.6391075640678003, Brier: 0.22333333333333336,
                Ece: 0.033333333333333326, Confusion: [0, 0, 4, 2]);

            // When
            var metrics = BinaryMetrics.Compute(labels, scores);

            // Then
            sklearn.AssertMatches(metrics);
        }

        [Test]
        public void Should_Score_A_Perfect_Classifier_One()
        {
            // Given: all_metrics([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])
            bool[] labels = [false, false, true, true];
            double[] scores = [0.1, 0.2, 0.8, 0.9];
            var sklearn = new SklearnMetrics(RocAuc: 1.0, AveragePrecision: 1.0, Accuracy: 1.0, Precision: 1.0, Recall: 1.0,
                F1: 1.0, LogLoss: 0.16425203348601802, Brier: 0.024999999999999998, Ece: 0.15, Confusion: [2, 0, 2, 0]);

            // When
            var metrics = BinaryMetrics.Compute(labels, scores);

            // Then
            sklearn.AssertMatches(metrics);
        }

        [Test]
        public void Should_Score_An_Inverted_Classifier_Zero_Area()
        {
            // Given: all_metrics([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1])
            bool[] labels = [false, false, true, true];
            double[] scores = [0.9, 0.8, 0.2, 0.1];
            var sklearn = new SklearnMetrics(RocAuc: 0.0, AveragePrecision: 0.41666666666666663, Accuracy: 0.0, Precision: 0.0,
                Recall: 0.0, F1: 0.0, LogLoss: 1.9560115027140732, Brier: 0.7250000000000001, Ece: 0.85, Confusion: [0, 2, 0, 2]);

            // When
            var metrics = BinaryMetrics.Compute(labels, scores);

            // Then
            sklearn.AssertMatches(metrics);
        }

        [Test]
        public void Should_Clip_Probabilities_Of_Zero_And_One_Before_Taking_The_Log()
        {
            // Given: all_metrics([0, 1, 0, 1, 1], [0.0, 1.0, 1.0, 0.0, 0.6])
            bool[] labels = [false, true, false, true, true];
            double[] scores = [0.0, 1.0, 1.0, 0.0, 0.6];
            var sklearn = new SklearnMetrics(RocAuc: 0.49999999999999994, AveragePrecision: 0.5888888888888889, Accuracy: 0.6,
                Precision: 0.6666666666666666, Recall: 0.6666666666666666, F1: 0.6666666666666666, LogLoss: 14.51962648040006,
                Brier: 0.43200000000000005, Ece: 0.48000000000000004, Confusion: [2, 1, 1, 1]);

            // When
            var metrics = BinaryMetrics.Compute(labels, scores);

            // Then
            sklearn.AssertMatches(metrics);
        }

        [Test]
        public void Should_Agree_On_Three_Hundred_Generated_Rows()
        {
            // Given: all_metrics(*generated(300, False))
            var rows = GeneratedRows.Create(300, ties: false);
            var sklearn = new SklearnMetrics(RocAuc: 0.6880341880341879, AveragePrecision: 0.7800540054017052,
                Accuracy: 0.6266666666666667, Precision: 0.6466666666666666, Recall: 0.6217948717948718, F1: 0.6339869281045751,
                LogLoss: 0.8243845636906834, Brier: 0.23979340412600006, Ece: 0.18760232000000066, Confusion: [97, 53, 91, 59]);

            // When
            var metrics = BinaryMetrics.Compute(rows.Labels, rows.Scores);

            // Then
            sklearn.AssertMatches(metrics);
        }

        [Test]
        public void Should_Agree_On_Three_Hundred_Generated_Rows_With_Many_Ties()
        {
            // Given: all_metrics(*generated(300, True))
            var rows = GeneratedRows.Create(300, ties: true);
            var sklearn = new SklearnMetrics(RocAuc: 0.6837597330367075, AveragePrecision: 0.7729395070563037,
                Accuracy: 0.6266666666666667, Precision: 0.6462585034013606, Recall: 0.6129032258064516, F1: 0.6291390728476822,
                LogLoss: 1.036354237523744, Brier: 0.24197833333333335, Ece: 0.1799, Confusion: [95, 52, 93, 60]);

            // When
            var metrics = BinaryMetrics.Compute(rows.Labels, rows.Scores);

            // Then
            sklearn.AssertMatches(metrics);
        }
    }
}
