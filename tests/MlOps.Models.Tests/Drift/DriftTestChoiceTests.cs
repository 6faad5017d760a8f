using MlOps.Models.Drift;
using MlOps.Models.Schema;

namespace MlOps.Models.Tests.Drift;

/// <summary>Evidently's default test per column, the table in docs' quality vectors row by row.</summary>
public sealed class DriftTestChoiceTests
{
    [TestCase(1000, ColumnKind.Numeric, 6, DriftStatTest.KolmogorovSmirnov, 0.05, DriftDirection.PValueAtMost)]
    [TestCase(10, ColumnKind.Numeric, 5, DriftStatTest.ChiSquare, 0.05, DriftDirection.PValueBelow)]
    [TestCase(1000, ColumnKind.Numeric, 3, DriftStatTest.ChiSquare, 0.05, DriftDirection.PValueBelow)]
    [TestCase(1000, ColumnKind.Numeric, 2, DriftStatTest.ZTest, 0.05, DriftDirection.PValueBelow)]
    [TestCase(1000, ColumnKind.Categorical, 2, DriftStatTest.ZTest, 0.05, DriftDirection.PValueBelow)]
    [TestCase(1000, ColumnKind.Boolean, 1, DriftStatTest.ZTest, 0.05, DriftDirection.PValueBelow)]
    [TestCase(1000, ColumnKind.Categorical, 3, DriftStatTest.ChiSquare, 0.05, DriftDirection.PValueBelow)]
    [TestCase(1000, ColumnKind.Categorical, 500, DriftStatTest.ChiSquare, 0.05, DriftDirection.PValueBelow)]
    [TestCase(1001, ColumnKind.Numeric, 6, DriftStatTest.Wasserstein, 0.1, DriftDirection.DistanceAtLeast)]
    [TestCase(1001, ColumnKind.Numeric, 5, DriftStatTest.JensenShannon, 0.1, DriftDirection.DistanceAtLeast)]
    [TestCase(1001, ColumnKind.Numeric, 2, DriftStatTest.JensenShannon, 0.1, DriftDirection.DistanceAtLeast)]
    [TestCase(5000, ColumnKind.Categorical, 400, DriftStatTest.JensenShannon, 0.1, DriftDirection.DistanceAtLeast)]
    [TestCase(5000, ColumnKind.Boolean, 2, DriftStatTest.JensenShannon, 0.1, DriftDirection.DistanceAtLeast)]
    public void Should_Choose_As_Evidently_Does(
        long referenceRows, ColumnKind kind, long distinct, DriftStatTest test, double threshold, DriftDirection direction)
    {
        // When
        var criterion = DriftTestChoice.DefaultFor(referenceRows, kind, distinct);

        // Then
        Assert.That(criterion, Is.EqualTo(new DriftCriterion(test, threshold, direction)));
    }

    [TestCase(DriftDirection.PValueAtMost, 0.05, true)]
    [TestCase(DriftDirection.PValueBelow, 0.05, false)]
    [TestCase(DriftDirection.PValueBelow, 0.0499, true)]
    [TestCase(DriftDirection.DistanceAtLeast, 0.05, true)]
    [TestCase(DriftDirection.DistanceAtLeast, 0.0499, false)]
    [TestCase(DriftDirection.PValueAtMost, double.NaN, false)]
    [TestCase(DriftDirection.DistanceAtLeast, double.NaN, false)]
    public void Should_Say_Drift_On_Its_Side_Of_The_Threshold(DriftDirection direction, double score, bool drift)
    {
        // Given
        var criterion = new DriftCriterion(DriftStatTest.KolmogorovSmirnov, 0.05, direction);

        // Then
        Assert.That(criterion.IsDrift(score), Is.EqualTo(drift));
    }

    [Test]
    public void Should_Refuse_A_Text_Column()
    {
        // When
        var error = Assert.Throws<ArgumentException>(() => DriftTestChoice.DefaultFor(100, ColumnKind.Text, 50));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            "A Text column has no default drift test; only numeric, categorical and boolean columns are tested. (Parameter 'kind')"));
    }
}
