using MlOps.Tasks.Profiling;

namespace MlOps.Tasks.Tests.Profiling;

public sealed class NumericSummaryTests
{
    [Test]
    public void Should_Merge_Exact_And_Streamed_Moments_Past_The_Exact_Limit()
    {
        // Given: more values than are kept, with a known mean and spread.
        var summary = new NumericSummary();
        var count = NumericSummary.ExactLimit + 200_000;
        for (var i = 0; i < count; i++)
        {
            summary.Add(i % 2 == 0 ? 10 : 20);
        }

        // When
        var (mean, stdev, min, max) = (summary.Mean, summary.StandardDeviation, summary.Min, summary.Max);

        // Then
        Assert.That(summary.IsApproximate, Is.True);
        Assert.That(mean, Is.EqualTo(15).Within(1e-9));
        Assert.That(stdev, Is.EqualTo(5 * Math.Sqrt(count / (count - 1.0))).Within(1e-9));
        Assert.That((min, max), Is.EqualTo((10.0, 20.0)));
        Assert.That(summary.Histogram([10, 15, 20]).Sum(), Is.EqualTo(count).Within(2));
    }
}
