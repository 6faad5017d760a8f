using MlOps.Tasks.Fairness;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Fairness;

/// <summary>Each limit yields a violation naming the scope, metric, value, limit and groups involved.</summary>
public sealed class FairnessLimitsTests
{
    private const double Tolerance = 1e-6;

    private static FairnessLimits Limit(string name, double value) => name switch
    {
        nameof(FairnessLimits.MaxDemographicParityDifference) => FairnessData.NoLimits with { MaxDemographicParityDifference = value },
        nameof(FairnessLimits.MinDemographicParityRatio) => FairnessData.NoLimits with { MinDemographicParityRatio = value },
        nameof(FairnessLimits.MaxEqualOpportunityDifference) => FairnessData.NoLimits with { MaxEqualOpportunityDifference = value },
        nameof(FairnessLimits.MinEqualOpportunityRatio) => FairnessData.NoLimits with { MinEqualOpportunityRatio = value },
        nameof(FairnessLimits.MaxEqualizedOddsDifference) => FairnessData.NoLimits with { MaxEqualizedOddsDifference = value },
        nameof(FairnessLimits.MinEqualizedOddsRatio) => FairnessData.NoLimits with { MinEqualizedOddsRatio = value },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    // The Fairlearn vector: SR a 0.75, b 0.5, c 0.5; TPR a 0.5, b 0.6, c 0.4; FPR a 1, b 0, c 2/3.
    [TestCase("MaxDemographicParityDifference", 0.2, FairnessMetric.DemographicParityDifference, 0.25, "b", "a")]
    [TestCase("MinDemographicParityRatio", 0.7, FairnessMetric.DemographicParityRatio, 2.0 / 3, "b", "a")]
    [TestCase("MaxEqualOpportunityDifference", 0.1, FairnessMetric.EqualOpportunityDifference, 0.2, "c", "b")]
    [TestCase("MinEqualOpportunityRatio", 0.7, FairnessMetric.EqualOpportunityRatio, 2.0 / 3, "c", "b")]
    [TestCase("MaxEqualizedOddsDifference", 0.5, FairnessMetric.EqualizedOddsDifference, 1.0, "b", "a")]
    [TestCase("MinEqualizedOddsRatio", 0.5, FairnessMetric.EqualizedOddsRatio, 0.0, "b", "a")]
    public void Should_Report_A_Broken_Limit(string limit, double bound, FairnessMetric metric, double value, string lowest, string highest)
    {
        // When
        var report = FairnessData.Analyze(Limit(limit, bound), ProtectedColumn.Categorical("sf", FairnessData.Groups));

        // Then
        var violation = report.Violations.Single();
        Assert.That((violation.Scope, violation.Metric, violation.Limit), Is.EqualTo(("sf", metric, bound)));
        Assert.That(violation.Value, Is.EqualTo(value).Within(Tolerance));
        Assert.That(violation.Groups, Is.EqualTo(new[] { lowest, highest }));
        Assert.That(violation.Kind, Is.EqualTo(limit.StartsWith("Max", StringComparison.Ordinal) ? LimitKind.Maximum : LimitKind.Minimum));
        Assert.That(report.Passed, Is.False);
    }

    [TestCase("MaxDemographicParityDifference", 0.25)]
    [TestCase("MinDemographicParityRatio", 2.0 / 3)]
    [TestCase("MaxEqualOpportunityDifference", 0.2)]
    [TestCase("MinEqualizedOddsRatio", 0.0)]
    public void Should_Pass_A_Value_Equal_To_Its_Limit(string limit, double bound)
    {
        // When
        var report = FairnessData.Analyze(Limit(limit, bound), ProtectedColumn.Categorical("sf", FairnessData.Groups));

        // Then
        Assert.That(report.Violations, Is.Empty);
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void Should_Check_The_Intersection_After_Each_Attribute()
    {
        // Given: sf alone selects 0.5 … 0.75; split by age the selection rates run 0.25 … 1
        string?[] ages = FairnessData.Words("25 25 25 25 25 25 25 25 25 30 50 30 50 50 50 50 50 50");
        var limits = FairnessData.NoLimits with { MaxDemographicParityDifference = 0.3 };

        // When
        var report = FairnessData.Analyze(
            limits, ProtectedColumn.Categorical("sf", FairnessData.Groups), new ProtectedColumn("age", ages, [18, 40, 120], BinClosed.Left));

        // Then: age alone selects 6/11 of the young (0.545…) and 4/7 of the old (0.571…)
        var violation = report.Violations.Single();
        Assert.That((violation.Scope, violation.Metric), Is.EqualTo(("sf & age", FairnessMetric.DemographicParityDifference)));
        Assert.That(violation.Value, Is.EqualTo(0.75).Within(Tolerance));
        Assert.That(violation.Groups, Is.EqualTo(new[] { "b & [18, 40)", "b & [40, 120]" }));
    }
}
