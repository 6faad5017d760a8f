using MlOps.Tasks.Fairness;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Fairness;

/// <summary>
/// The frame of every combination of two attributes' groups. Fairlearn is not installable here (no PyPI,
/// no Debian package), so the expected values are worked out by hand on the Fairlearn vector's 18 rows
/// with an age for each row: rows 0–9 and 11 are 25 or 30, rows 10 and 12–17 are 50.
/// </summary>
public sealed class IntersectionTests
{
    private const double Tolerance = 1e-6;

    private static readonly string?[] Ages = FairnessData.Words("25 25 25 25 25 25 25 25 25 30 50 30 50 50 50 50 50 50");

    private static FairnessReport Analyze() => FairnessData.Analyze(
        FairnessData.NoLimits,
        ProtectedColumn.Categorical("sf", FairnessData.Groups),
        new ProtectedColumn("age", Ages, [18, 40, 120], BinClosed.Left));

    [Test]
    public void Should_Name_The_Combinations_Present_In_The_Data_In_Attribute_Order()
    {
        // When: every row of a is young, so "a & [40, 120]" does not occur
        var frame = Analyze().Intersection!;

        // Then
        Assert.That(frame.Name, Is.EqualTo("sf & age"));
        Assert.That(frame.Columns, Is.EqualTo(new[] { "sf", "age" }));
        Assert.That(frame.Groups.Select(g => g.Group),
            Is.EqualTo(new[] { "a & [18, 40)", "b & [18, 40)", "b & [40, 120]", "c & [18, 40)", "c & [40, 120]" }));
        Assert.That(frame.Overall.Count, Is.EqualTo(18));
    }

    [Test]
    public void Should_Compute_Each_Combination_From_Its_Own_Rows()
    {
        // Given (by hand):
        //   a & young rows 2 8 9 11:      y 1 1 0 0, ŷ 1 0 1 1  → SR 3/4, TPR 1/2, FPR 2/2
        //   b & young rows 0 1 3 4:       y 0 1 1 1, ŷ 0 0 0 1  → SR 1/4, TPR 1/3, FPR 0/1
        //   b & old   rows 12 15:         y 1 1,     ŷ 1 1      → SR 2/2, TPR 2/2, FPR 0 (no negatives)
        //   c & young rows 5 6 7:         y 0 1 0,   ŷ 1 1 0    → SR 2/3, TPR 1/1, FPR 1/2
        //   c & old   rows 10 13 14 16 17: y 0 1 1 1 1, ŷ 1 0 0 1 0 → SR 2/5, TPR 1/4, FPR 1/1

        // When
        var groups = Analyze().Intersection!.Groups;

        // Then
        Assert.That(groups.Select(g => g.Count), Is.EqualTo(new long[] { 4, 4, 2, 3, 5 }));
        Assert.That(groups.Select(g => g.SelectionRate), Is.EqualTo(new[] { 0.75, 0.25, 1.0, 2.0 / 3, 0.4 }).Within(Tolerance));
        Assert.That(groups.Select(g => g.TruePositiveRate), Is.EqualTo(new[] { 0.5, 1.0 / 3, 1.0, 1.0, 0.25 }).Within(Tolerance));
        Assert.That(groups.Select(g => g.FalsePositiveRate), Is.EqualTo(new[] { 1.0, 0.0, 0.0, 0.5, 1.0 }).Within(Tolerance));
    }

    [Test]
    public void Should_Aggregate_Over_The_Combinations_That_Occur()
    {
        // Given: SR 0.25 … 1, TPR 0.25 … 1, FPR 0 … 1 (Fairlearn skips the absent combination's NaN row)

        // When
        var aggregates = Analyze().Intersection!.Aggregates;

        // Then
        Assert.That(aggregates.Groups, Is.EqualTo(5));
        Assert.That(aggregates.SelectionRate, Is.EqualTo(new GroupSpread(0.75, 0.25, "b & [18, 40)", "b & [40, 120]")));
        Assert.That(aggregates.TruePositiveRate, Is.EqualTo(new GroupSpread(0.75, 0.25, "c & [40, 120]", "b & [40, 120]")));
        Assert.That(aggregates.EqualizedOddsDifference, Is.EqualTo(1.0).Within(Tolerance));
        Assert.That(aggregates.EqualizedOddsRatio, Is.EqualTo(0.0).Within(Tolerance));
        Assert.That(aggregates.FalsePositiveRate!.Lowest, Is.EqualTo("b & [18, 40)"));
    }

    [Test]
    public void Should_Report_But_Not_Compare_A_Combination_With_An_Unassigned_Part()
    {
        // Given
        string?[] gender = ["f", "f", "m", "m"];
        string?[] age = ["20", null, "20", "30"];

        // When
        var frame = FairnessAnalysis.Analyze(
            [true, true, true, true], [true, false, false, false],
            [ProtectedColumn.Categorical("gender", gender), new ProtectedColumn("age", age, [18, 25, 40], BinClosed.Left)],
            FairnessData.NoLimits).Intersection!;

        // Then
        Assert.That(frame.Groups.Select(g => (g.Group, g.Unassigned)), Is.EqualTo(new[]
        {
            ("f & [18, 25)", false), ("f & (missing or out of bins)", true), ("m & [18, 25)", false), ("m & [25, 40]", false),
        }));
        Assert.That(frame.Aggregates.Groups, Is.EqualTo(3));
        Assert.That(frame.Aggregates.DemographicParityDifference, Is.EqualTo(1.0));
    }

    [Test]
    public void Should_Have_No_Intersection_For_A_Single_Attribute()
    {
        // When
        var report = FairnessData.Analyze(FairnessData.NoLimits, ProtectedColumn.Categorical("sf", FairnessData.Groups));

        // Then
        Assert.That(report.Intersection, Is.Null);
    }
}
