using System.Diagnostics;
using MlOps.Models.Evaluation;

namespace MlOps.Models.Tests.Evaluation;

/// <summary>One sort, O(n log n): a million-row test set measures well inside a second.</summary>
public sealed partial class BinaryMetricsTests
{
    public sealed class Scale
    {
        private const int Million = 1_000_000;

        [Test]
        public void Should_Measure_A_Million_Rows_In_Under_A_Second()
        {
            // Given
            var rows = GeneratedRows.Create(Million, ties: false);
            BinaryMetrics.Compute(rows.Labels[..1000], rows.Scores[..1000]);

            // When
            var clock = Stopwatch.StartNew();
            var metrics = BinaryMetrics.Compute(rows.Labels, rows.Scores);
            clock.Stop();

            // Then
            Assert.That(metrics.Count, Is.EqualTo(Million));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        }

        [Test]
        public void Should_Trace_The_Curves_Of_A_Million_Rows_In_Under_A_Second()
        {
            // Given
            var rows = GeneratedRows.Create(Million, ties: false);
            BinaryCurves.Compute(rows.Labels[..1000], rows.Scores[..1000]);

            // When
            var clock = Stopwatch.StartNew();
            var curves = BinaryCurves.Compute(rows.Labels, rows.Scores);
            clock.Stop();

            // Then
            Assert.That(curves.Roc[^1], Is.EqualTo(new RocPoint(1, 1, rows.Scores.Min())));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        }
    }
}
