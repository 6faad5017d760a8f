using System.Text.Json;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Fairness;

namespace MlOps.Tasks.Tests.Fairness;

/// <summary>The inputs the analysis refuses, and the report as the artifact JSON writes it.</summary>
public sealed class FairnessAnalysisTests
{
    [Test]
    public void Should_Refuse_Fewer_Predictions_Than_Labels()
    {
        // When
        var error = Assert.Throws<ArgumentException>(() =>
            FairnessAnalysis.Analyze([true, false], [true], [ProtectedColumn.Categorical("g", ["a", "b"])], FairnessData.NoLimits));

        // Then
        Assert.That(error!.Message, Is.EqualTo("There are 2 labels but 1 predictions; every row needs both."));
    }

    [Test]
    public void Should_Refuse_An_Attribute_Without_A_Value_For_Every_Row()
    {
        // When
        var error = Assert.Throws<ArgumentException>(() =>
            FairnessAnalysis.Analyze([true, false], [true, true], [ProtectedColumn.Categorical("gender", ["a"])], FairnessData.NoLimits));

        // Then
        Assert.That(error!.Message, Is.EqualTo("Protected attribute 'gender' has 1 values for 2 rows."));
    }

    [Test]
    public void Should_Refuse_An_Attribute_Listed_Twice()
    {
        // Given
        var gender = ProtectedColumn.Categorical("gender", ["a"]);

        // When
        var error = Assert.Throws<ArgumentException>(() => FairnessAnalysis.Analyze([true], [true], [gender, gender], FairnessData.NoLimits));

        // Then
        Assert.That(error!.Message, Is.EqualTo("Protected attribute 'gender' is listed twice."));
    }

    [Test]
    public void Should_Report_An_Empty_Test_Set_Without_Groups()
    {
        // When
        var report = FairnessAnalysis.Analyze([], [], [ProtectedColumn.Categorical("g", [])], new FairnessLimits { MaxDemographicParityDifference = 0 });

        // Then
        var frame = report.Attributes.Single();
        Assert.That((report.Rows, frame.Overall.Count, frame.Overall.SelectionRate), Is.EqualTo((0L, 0L, 0.0)));
        Assert.That(frame.Groups, Is.Empty);
        Assert.That(frame.Aggregates.DemographicParityDifference, Is.Null);
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void Should_Write_The_Report_As_Snake_Case_Json()
    {
        // Given
        var report = FairnessData.Analyze(
            new FairnessLimits { MinGroupSize = 1, MaxDemographicParityDifference = 0.2 },
            ProtectedColumn.Categorical("sf", FairnessData.Groups, privileged: "a"));

        // When
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report, ArtifactJson.Options));

        // Then
        var root = json.RootElement;
        var frame = root.GetProperty("attributes")[0];
        Assert.That(frame.GetProperty("groups")[0].GetProperty("true_positive_rate").GetDouble(), Is.EqualTo(0.5));
        Assert.That(frame.GetProperty("aggregates").GetProperty("demographic_parity_difference").GetDouble(), Is.EqualTo(0.25));
        Assert.That(frame.GetProperty("gated").GetProperty("selection_rate").GetProperty("lowest").GetString(), Is.EqualTo("b"));
        Assert.That(root.GetProperty("disparate_impact")[0].GetProperty("pooled").GetProperty("group").GetString(), Is.EqualTo("(all others)"));
        var violation = root.GetProperty("violations")[0];
        Assert.That(violation.GetProperty("metric").GetString(), Is.EqualTo("demographic_parity_difference"));
        Assert.That(violation.GetProperty("kind").GetString(), Is.EqualTo("maximum"));
        Assert.That(root.GetProperty("passed").GetBoolean(), Is.False);
    }
}
