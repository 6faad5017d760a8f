using MlOps.Tasks.Fairness;

namespace MlOps.Tasks.Tests.Fairness;

/// <summary>Small groups and undefined rates are reported but do not decide the gate.</summary>
public sealed class GroupSizeTests
{
    private const double Tolerance = 1e-6;

    [Test]
    public void Should_Flag_Groups_Below_The_Minimum_Size_As_Small()
    {
        // When: a has 4 rows, b 6, c 8
        var frame = FairnessData.Analyze(new FairnessLimits { MinGroupSize = 5 }, ProtectedColumn.Categorical("sf", FairnessData.Groups))
            .Attributes.Single();

        // Then
        Assert.That(frame.Groups.Select(g => (g.Group, g.Small)), Is.EqualTo(new[] { ("a", true), ("b", false), ("c", false) }));
        Assert.That(frame.Overall.Small, Is.False);
    }

    [Test]
    public void Should_Keep_Small_Groups_In_Fairlearns_Aggregates_But_Not_In_The_Gated_Ones()
    {
        // Given: a (4 rows, selection rate 0.75) is small; b and c both select 0.5
        var limits = new FairnessLimits { MinGroupSize = 5, MaxDemographicParityDifference = 0.1 };

        // When
        var report = FairnessData.Analyze(limits, ProtectedColumn.Categorical("sf", FairnessData.Groups));

        // Then
        var frame = report.Attributes.Single();
        Assert.That(frame.Aggregates.DemographicParityDifference, Is.EqualTo(0.25).Within(Tolerance));
        Assert.That(frame.Gated.Groups, Is.EqualTo(2));
        Assert.That(frame.Gated.DemographicParityDifference, Is.Zero);
        Assert.That(frame.Gated.EqualOpportunityDifference, Is.EqualTo(0.2).Within(Tolerance));
        Assert.That(report.Violations, Is.Empty);
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void Should_Check_Nothing_When_Every_Group_Is_Small()
    {
        // Given: the default minimum size of 30 rows
        var limits = new FairnessLimits { MaxDemographicParityDifference = 0, MaxEqualizedOddsDifference = 0 };

        // When
        var report = FairnessData.Analyze(limits, ProtectedColumn.Categorical("sf", FairnessData.Groups));

        // Then
        Assert.That(report.MinGroupSize, Is.EqualTo(30));
        Assert.That(report.Attributes.Single().Gated, Is.EqualTo(new FairnessAggregates(0, null, null, null)));
        Assert.That(report.Violations, Is.Empty);
    }

    [Test]
    public void Should_Give_A_Group_Without_Positives_A_True_Positive_Rate_Of_Zero_But_Not_Gate_On_It()
    {
        // Given: group y has no positive label; x's true positive rate is 0.5
        string?[] groups = ["x", "x", "x", "x", "y", "y"];
        bool[] labels = [true, true, false, false, false, false];
        bool[] predictions = [true, false, true, false, true, false];
        var limits = new FairnessLimits { MinGroupSize = 1, MaxEqualOpportunityDifference = 0.1 };

        // When
        var report = FairnessAnalysis.Analyze(labels, predictions, [ProtectedColumn.Categorical("g", groups)], limits);

        // Then
        var frame = report.Attributes.Single();
        var y = frame.Groups.Single(g => g.Group == "y");
        Assert.That((y.Positives, y.TruePositiveRate, y.FalsePositiveRate), Is.EqualTo((0L, 0.0, 0.5)));
        Assert.That(frame.Aggregates.EqualOpportunityDifference, Is.EqualTo(0.5), "Fairlearn compares the 0");
        Assert.That(frame.Gated.TruePositiveRate, Is.EqualTo(new GroupSpread(0, 1, "x", "x")));
        Assert.That(report.Violations, Is.Empty);
    }

    [Test]
    public void Should_Give_Zero_Precision_And_Rates_When_Nothing_Is_Predicted_Positive()
    {
        // Given: group y gets no positive prediction
        string?[] groups = ["x", "x", "y", "y"];
        bool[] labels = [true, false, true, false];
        bool[] predictions = [true, false, false, false];

        // When
        var frame = FairnessAnalysis.Analyze(labels, predictions, [ProtectedColumn.Categorical("g", groups)], FairnessData.NoLimits)
            .Attributes.Single();

        // Then
        var y = frame.Groups.Single(g => g.Group == "y");
        Assert.That((y.SelectionRate, y.Precision, y.TruePositiveRate, y.FalsePositiveRate, y.Accuracy), Is.EqualTo((0.0, 0.0, 0.0, 0.0, 0.5)));
    }

    [Test]
    public void Should_Define_The_Ratios_As_One_When_Every_Rate_Is_Zero()
    {
        // Given: nobody is predicted positive, so every selection rate, TPR and FPR is 0 (Fairlearn: 0 / 0 = NaN)
        string?[] groups = ["x", "x", "y", "y"];

        // When
        var aggregates = FairnessAnalysis.Analyze(
            [true, false, true, false], [false, false, false, false], [ProtectedColumn.Categorical("g", groups)], FairnessData.NoLimits)
            .Attributes.Single().Aggregates;

        // Then
        Assert.That(aggregates.DemographicParityDifference, Is.Zero);
        Assert.That(aggregates.DemographicParityRatio, Is.EqualTo(1.0));
        Assert.That(aggregates.EqualOpportunityRatio, Is.EqualTo(1.0));
        Assert.That(aggregates.EqualizedOddsRatio, Is.EqualTo(1.0));
    }
}
