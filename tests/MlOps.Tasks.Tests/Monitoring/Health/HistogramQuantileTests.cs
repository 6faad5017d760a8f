using MlOps.Tasks.Monitoring.Health;

namespace MlOps.Tasks.Tests.Monitoring.Health;

public sealed class HistogramQuantileTests
{
    private static HistogramBucket[] Buckets(params (double Bound, double Count)[] buckets) =>
        [.. buckets.Select(b => new HistogramBucket(b.Bound, b.Count))];

    // Rank q * 12; e.g. q 0.25: rank 3 falls in (0.1, 0.2] at 1 of its 4, so 0.1 + 0.1 * 1 / 4.
    [TestCase(0.25, 0.125, TestName = "Should_Interpolate_Linearly_Inside_The_Bucket_The_Rank_Falls_In")]
    [TestCase(0.6, 0.26, TestName = "Should_Interpolate_Inside_A_Wider_Bucket")]
    [TestCase(0.1, 0.06, TestName = "Should_Start_The_Lowest_Bucket_At_Zero")]
    [TestCase(0.5, 0.2, TestName = "Should_Return_The_Bound_When_The_Rank_Is_The_Count_Up_To_It")]
    [TestCase(0.95, 0.4, TestName = "Should_Return_The_Highest_Finite_Bound_When_The_Rank_Falls_In_The_Inf_Bucket")]
    public void Should_Agree_With_Hand_Computed_Quantiles(double q, double expected)
    {
        // Given: 2 observations up to 0.1, 4 in (0.1, 0.2], 4 in (0.2, 0.4] and 2 above 0.4, out of order
        var buckets = Buckets((0.2, 6), (0.1, 2), (0.4, 10), (double.PositiveInfinity, 12));

        // When
        var quantile = HistogramQuantile.Of(q, buckets);

        // Then
        Assert.That(quantile, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Should_Return_A_Non_Positive_Lowest_Bound_As_Is()
    {
        // Given
        var buckets = Buckets((0, 5), (1, 10), (double.PositiveInfinity, 10));

        // When
        var quantile = HistogramQuantile.Of(0.3, buckets);

        // Then
        Assert.That(quantile, Is.Zero);
    }

    [Test]
    public void Should_Raise_A_Count_Below_The_Bucket_Before_It_And_Add_Up_Equal_Bounds()
    {
        // Given: 0.2 reads 3 (below 0.1's 5), and the 0.4 bucket comes as two series of 4
        var buckets = Buckets((0.1, 5), (0.2, 3), (0.4, 4), (0.4, 4), (double.PositiveInfinity, 8));

        // When
        var quantile = HistogramQuantile.Of(0.75, buckets);

        // Then: buckets 5, 5, 8, 8; rank 6 falls in (0.2, 0.4] at 1 of 3
        Assert.That(quantile, Is.EqualTo(0.2 + (0.2 / 3)).Within(1e-12));
    }

    [Test]
    public void Should_Be_NaN_Without_Observations_Or_Without_The_Inf_Bucket()
    {
        // When
        var empty = HistogramQuantile.Of(0.5, Buckets((0.1, 0), (double.PositiveInfinity, 0)));
        var noInf = HistogramQuantile.Of(0.5, Buckets((0.1, 1), (0.2, 2)));
        var single = HistogramQuantile.Of(0.5, Buckets((double.PositiveInfinity, 2)));

        // Then
        Assert.That(new[] { empty, noInf, single }, Is.All.NaN);
    }
}
