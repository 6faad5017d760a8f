using MlOps.Tasks.Fairness;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Fairness;

/// <summary>AIF360's statistical parity difference and disparate impact against a privileged group, with the four-fifths rule.</summary>
public sealed class DisparateImpactTests
{
    private const double Tolerance = 1e-9;

    private static FairnessReport Credit(FairnessLimits limits) => FairnessData.Selections(
        limits, "male", ("female", 40, 14), ("male", 40, 20), ("other", 40, 18), ("x", 2, 0));

    [Test]
    public void Should_Compare_Each_Other_Group_With_The_Privileged_One()
    {
        // When: male selects 20/40 = 0.5
        var impact = Credit(new FairnessLimits()).DisparateImpact.Single();

        // Then
        Assert.That((impact.Attribute, impact.Privileged, impact.PrivilegedCount, impact.PrivilegedSmall), Is.EqualTo(("gender", "male", 40L, false)));
        Assert.That(impact.PrivilegedSelectionRate, Is.EqualTo(0.5));
        Assert.That(impact.Groups.Select(c => c.Group), Is.EqualTo(new[] { "female", "other", "x" }));
        Assert.That(impact.Groups.Select(c => c.StatisticalParityDifference), Is.EqualTo(new[] { -0.15, -0.05, -0.5 }).Within(Tolerance));
        Assert.That(impact.Groups.Select(c => c.DisparateImpact), Is.EqualTo(new[] { 0.7, 0.9, 0.0 }).Within(Tolerance));
        Assert.That(impact.Groups.Select(c => (c.AdverseImpact, c.Small)), Is.EqualTo(new[] { (true, false), (false, false), (true, true) }));
    }

    [Test]
    public void Should_Pool_All_Other_Rows_As_AIF360_Defines_Unprivileged()
    {
        // When: 14 + 18 + 0 of 82 selected
        var pooled = Credit(new FairnessLimits()).DisparateImpact.Single().Pooled!;

        // Then
        Assert.That((pooled.Group, pooled.Count, pooled.Small, pooled.AdverseImpact), Is.EqualTo(("(all others)", 82L, false, true)));
        Assert.That(pooled.SelectionRate, Is.EqualTo(32.0 / 82).Within(Tolerance));
        Assert.That(pooled.StatisticalParityDifference, Is.EqualTo((32.0 / 82) - 0.5).Within(Tolerance));
        Assert.That(pooled.DisparateImpact, Is.EqualTo(64.0 / 82).Within(Tolerance));
    }

    [Test]
    public void Should_Fail_The_Four_Fifths_Rule_For_Groups_Of_Sufficient_Size_By_Default()
    {
        // When: female 0.7 and the pool 0.78 break 0.8; x (0.0) is too small to count
        var violations = Credit(new FairnessLimits()).Violations;

        // Then
        Assert.That(violations.Select(v => (v.Scope, v.Metric, v.Limit, v.Kind)), Is.All.EqualTo(("gender", FairnessMetric.DisparateImpact, 0.8, LimitKind.Minimum)));
        Assert.That(violations.Select(v => v.Groups), Is.EqualTo(new[] { new[] { "female", "male" }, new[] { "(all others)", "male" } }));
        Assert.That(violations.Select(v => v.Value), Is.EqualTo(new[] { 0.7, 64.0 / 82 }).Within(Tolerance));
    }

    [Test]
    public void Should_Apply_A_Configured_Minimum_Or_None()
    {
        // When
        var looser = Credit(new FairnessLimits { MinDisparateImpact = 0.75 }).Violations;
        var none = Credit(new FairnessLimits { MinDisparateImpact = null }).Violations;

        // Then
        Assert.That(looser.Single().Groups, Is.EqualTo(new[] { "female", "male" }));
        Assert.That(none, Is.Empty);
    }

    [Test]
    public void Should_Not_Count_Exactly_Four_Fifths_As_Adverse_Impact()
    {
        // When: 0.6 / 0.75 is 0.7999999999999999 in floating point
        var report = FairnessData.Selections(new FairnessLimits { MinGroupSize = 1 }, "p", ("p", 4, 3), ("q", 5, 3));

        // Then
        var comparison = report.DisparateImpact.Single().Groups.Single();
        Assert.That(comparison.DisparateImpact, Is.EqualTo(0.8).Within(Tolerance));
        Assert.That(comparison.AdverseImpact, Is.False);
        Assert.That(report.Violations, Is.Empty);
    }

    [Test]
    public void Should_Not_Decide_On_A_Small_Privileged_Group()
    {
        // When
        var report = FairnessData.Selections(new FairnessLimits(), "p", ("p", 10, 10), ("q", 40, 0));

        // Then
        Assert.That(report.DisparateImpact.Single().PrivilegedSmall, Is.True);
        Assert.That(report.DisparateImpact.Single().Groups.Single().AdverseImpact, Is.True);
        Assert.That(report.Violations, Is.Empty);
    }

    [Test]
    public void Should_Define_Disparate_Impact_When_The_Privileged_Group_Selects_Nobody()
    {
        // When
        var impact = FairnessData.Selections(new FairnessLimits { MinGroupSize = 1 }, "p", ("p", 2, 0), ("q", 2, 0), ("r", 2, 1))
            .DisparateImpact.Single();

        // Then
        Assert.That(impact.Groups.Select(c => c.DisparateImpact), Is.EqualTo(new[] { 1.0, double.PositiveInfinity }));
    }

    [Test]
    public void Should_Accept_A_Bin_Label_As_The_Privileged_Group()
    {
        // Given
        var age = new ProtectedColumn("age", ["30", "30", "50", "50"], [18, 40, 120], BinClosed.Left, "[40, 120]");

        // When
        var impact = FairnessAnalysis.Analyze([true, true, true, true], [true, false, true, true], [age], FairnessData.NoLimits)
            .DisparateImpact.Single();

        // Then
        Assert.That(impact.Groups.Single().Group, Is.EqualTo("[18, 40)"));
        Assert.That(impact.Groups.Single().DisparateImpact, Is.EqualTo(0.5));
    }

    [Test]
    public void Should_Refuse_A_Privileged_Group_That_Does_Not_Occur()
    {
        // When
        var error = Assert.Throws<ArgumentException>(() => FairnessData.Selections(new FairnessLimits(), "Male", ("female", 3, 1), ("male", 3, 2)));

        // Then
        Assert.That(error!.Message, Is.EqualTo(
            "Privileged group 'Male' of protected attribute 'gender' does not occur in the data; its groups are: female, male."));
    }
}
