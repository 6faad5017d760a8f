using MlOps.Tasks.Fairness;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Fairness;

/// <summary>
/// Numeric attributes are grouped by their explicit edges only; the outermost edge on the open side is
/// included too, and the label says so.
/// </summary>
public sealed class BinningTests
{
    private static readonly double[] AgeBins = [18, 25, 40, 65, 120];

    [TestCase("18", "[18, 25)")]
    [TestCase("24.999", "[18, 25)")]
    [TestCase("25", "[25, 40)")]
    [TestCase("37.5", "[25, 40)")]
    [TestCase("65", "[65, 120]")]
    [TestCase("120", "[65, 120]")]
    [TestCase("17.999", "(missing or out of bins)")]
    [TestCase("120.001", "(missing or out of bins)")]
    public void Should_Include_The_Lower_Edge_When_Closed_Left(string value, string group)
    {
        // When
        var found = FairnessData.GroupOf(value, AgeBins, BinClosed.Left);

        // Then
        Assert.That(found, Is.EqualTo(group));
    }

    [TestCase("18", "[18, 25]")]
    [TestCase("25", "[18, 25]")]
    [TestCase("25.001", "(25, 40]")]
    [TestCase("40", "(25, 40]")]
    [TestCase("120", "(65, 120]")]
    [TestCase("17.999", "(missing or out of bins)")]
    [TestCase("120.001", "(missing or out of bins)")]
    public void Should_Include_The_Upper_Edge_When_Closed_Right(string value, string group)
    {
        // When
        var found = FairnessData.GroupOf(value, AgeBins, BinClosed.Right);

        // Then
        Assert.That(found, Is.EqualTo(group));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("abc")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    public void Should_Put_A_Missing_Or_Unreadable_Number_In_The_Missing_Group(string? value)
    {
        // When
        var found = FairnessData.GroupOf(value, AgeBins, BinClosed.Left);

        // Then
        Assert.That(found, Is.EqualTo("(missing or out of bins)"));
    }

    [Test]
    public void Should_Report_Unbinned_Rows_Last_And_Leave_Them_Out_Of_The_Aggregates()
    {
        // Given: two rows in bins, one missing, one too old; no row in [40, 65) or [65, 120]
        var age = new ProtectedColumn("age", ["20", null, "30", "200"], AgeBins, BinClosed.Left);

        // When
        var frame = FairnessAnalysis.Analyze([true, true, true, true], [true, true, false, true], [age], FairnessData.NoLimits).Attributes.Single();

        // Then
        Assert.That(frame.Groups.Select(g => (g.Group, g.Count, g.Unassigned)), Is.EqualTo(new[]
        {
            ("[18, 25)", 1L, false), ("[25, 40)", 1L, false), ("(missing or out of bins)", 2L, true),
        }));
        Assert.That(frame.Aggregates.Groups, Is.EqualTo(2));
        Assert.That(frame.Aggregates.SelectionRate, Is.EqualTo(new GroupSpread(1, 0, "[25, 40)", "[18, 25)")));
        Assert.That(frame.Overall.Count, Is.EqualTo(4));
    }

    [Test]
    public void Should_Group_Categories_By_Value_In_Ordinal_Order_With_Missing_Last()
    {
        // Given
        var gender = ProtectedColumn.Categorical("gender", ["male", "", "female", null, "male"]);

        // When
        var frame = FairnessAnalysis.Analyze([true, true, true, true, true], [true, true, true, true, true], [gender], FairnessData.NoLimits)
            .Attributes.Single();

        // Then
        Assert.That(frame.Groups.Select(g => (g.Group, g.Count, g.Unassigned)), Is.EqualTo(new[]
        {
            ("female", 1L, false), ("male", 2L, false), ("(missing)", 2L, true),
        }));
    }

    [Test]
    public void Should_Take_Bins_And_Closedness_From_The_Pipeline_Section()
    {
        // Given
        var section = new ProtectedSection { Column = "age", Bins = [18, 40, 120], Closed = BinClosed.Right };

        // When
        var attribute = ProtectedColumn.Of(section, ["18", "40", "41"]);
        var frame = FairnessAnalysis.Analyze([true, true, true], [true, true, true], [attribute], FairnessData.NoLimits).Attributes.Single();

        // Then
        Assert.That(frame.Groups.Select(g => (g.Group, g.Count)), Is.EqualTo(new[] { ("[18, 40]", 2L), ("(40, 120]", 1L) }));
    }

    [TestCase(new double[] { 18 }, "18")]
    [TestCase(new double[] { 18, 18, 25 }, "18, 18, 25")]
    [TestCase(new double[] { 25, 18 }, "25, 18")]
    [TestCase(new double[] { 18, double.PositiveInfinity }, "18, Infinity")]
    public void Should_Refuse_Bins_That_Are_Not_Strictly_Ascending_Finite_Edges(double[] bins, string listed)
    {
        // Given
        var age = new ProtectedColumn("age", ["20"], bins, BinClosed.Left);

        // When
        var error = Assert.Throws<ArgumentException>(() => FairnessAnalysis.Analyze([true], [true], [age], FairnessData.NoLimits));

        // Then
        Assert.That(error!.Message, Is.EqualTo(
            $"Protected attribute 'age': bins must be at least two finite edges in strictly ascending order, got [{listed}]."));
    }
}
