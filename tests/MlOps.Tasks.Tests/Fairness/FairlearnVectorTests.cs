using MlOps.Tasks.Fairness;

namespace MlOps.Tasks.Tests.Fairness;

/// <summary>The Fairlearn user guide's vector from shared/testvectors/quality.md, reproduced number for number.</summary>
public sealed class FairlearnVectorTests
{
    private const double Tolerance = 1e-6;

    private static MetricFrame Frame() =>
        FairnessData.Analyze(FairnessData.NoLimits, ProtectedColumn.Categorical("sf", FairnessData.Groups)).Attributes.Single();

    [TestCase("a", 4, 2, 0.5, 1.0, 0.75)]
    [TestCase("b", 6, 5, 0.6, 0.0, 0.5)]
    [TestCase("c", 8, 5, 0.4, 2.0 / 3, 0.5)]
    public void Should_Reproduce_Each_Group_Row_Of_The_Table(string group, long count, long positives, double tpr, double fpr, double selection)
    {
        // When
        var row = Frame().Groups.Single(g => g.Group == group);

        // Then
        Assert.That(row.Count, Is.EqualTo(count));
        Assert.That(row.Positives, Is.EqualTo(positives));
        Assert.That(row.TruePositiveRate, Is.EqualTo(tpr).Within(Tolerance));
        Assert.That(row.FalsePositiveRate, Is.EqualTo(fpr).Within(Tolerance));
        Assert.That(row.SelectionRate, Is.EqualTo(selection).Within(Tolerance));
    }

    [Test]
    public void Should_Reproduce_The_Overall_Row()
    {
        // When
        var overall = Frame().Overall;

        // Then
        Assert.That(overall.Group, Is.EqualTo("overall"));
        Assert.That(overall.Count, Is.EqualTo(18));
        Assert.That(overall.Positives, Is.EqualTo(12));
        Assert.That(overall.TruePositiveRate, Is.EqualTo(0.5).Within(Tolerance));
        Assert.That(overall.FalsePositiveRate, Is.EqualTo(0.666667).Within(Tolerance));
        Assert.That(overall.SelectionRate, Is.EqualTo(0.555556).Within(Tolerance));
    }

    [Test]
    public void Should_Reproduce_The_Aggregates()
    {
        // When
        var aggregates = Frame().Aggregates;

        // Then
        Assert.That(aggregates.DemographicParityDifference, Is.EqualTo(0.25).Within(Tolerance));
        Assert.That(aggregates.DemographicParityRatio, Is.EqualTo(2.0 / 3).Within(Tolerance));
        Assert.That(aggregates.EqualizedOddsDifference, Is.EqualTo(1.0).Within(Tolerance));
        Assert.That(aggregates.EqualizedOddsRatio, Is.EqualTo(0.0).Within(Tolerance));
    }

    [Test]
    public void Should_Compute_Equal_Opportunity_From_The_True_Positive_Rates()
    {
        // When: TPR a 0.5, b 0.6, c 0.4
        var aggregates = Frame().Aggregates;

        // Then
        Assert.That(aggregates.EqualOpportunityDifference, Is.EqualTo(0.2).Within(Tolerance));
        Assert.That(aggregates.EqualOpportunityRatio, Is.EqualTo(0.4 / 0.6).Within(Tolerance));
        Assert.That(aggregates.TruePositiveRate, Is.EqualTo(new GroupSpread(0.6 - 0.4, 0.4 / 0.6, "c", "b")));
    }

    [Test]
    public void Should_Report_Counts_Precision_And_Accuracy_Beside_The_Rates()
    {
        // When: a has TP 1 FP 2 TN 0 FN 1; b TP 3 FP 0 TN 1 FN 2; c TP 2 FP 2 TN 1 FN 3
        var frame = Frame();

        // Then
        Assert.That(frame.Groups.Select(g => (g.Group, g.PredictedPositives, g.TruePositives, g.FalsePositives)),
            Is.EqualTo(new[] { ("a", 3L, 1L, 2L), ("b", 3L, 3L, 0L), ("c", 4L, 2L, 2L) }));
        Assert.That(frame.Groups.Select(g => g.Precision), Is.EqualTo(new[] { 1.0 / 3, 1.0, 0.5 }).Within(Tolerance));
        Assert.That(frame.Groups.Select(g => g.Accuracy), Is.EqualTo(new[] { 0.25, 4.0 / 6, 3.0 / 8 }).Within(Tolerance));
        Assert.That(frame.Overall.Precision, Is.EqualTo(0.6).Within(Tolerance));
        Assert.That(frame.Overall.Accuracy, Is.EqualTo(8.0 / 18).Within(Tolerance));
    }
}
