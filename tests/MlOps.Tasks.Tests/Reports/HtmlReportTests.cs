using MlOps.Tasks.Reports;

namespace MlOps.Tasks.Tests.Reports;

public sealed class HtmlReportTests
{
    [Test]
    public void Should_State_The_Size_And_Seed_Of_The_Importance_Sample()
    {
        // Given
        var inputs = ReportExamples.Inputs(ReportExamples.Explanation(rows: 1000, heldOut: 4000));

        // When
        var html = HtmlReport.Write(inputs);

        // Then
        Assert.That(html, Does.Contain("<h3>Permutation feature importance (3 permutations on 1,000 of the 4,000 held-out rows " +
            "(a sample, seed 42); one-hot slots summed per column)</h3>"));
    }

    [Test]
    public void Should_Say_All_Rows_When_The_Held_Out_Set_Is_Within_The_Bound()
    {
        // Given
        var inputs = ReportExamples.Inputs(ReportExamples.Explanation(rows: 4, heldOut: 4));

        // When
        var html = HtmlReport.Write(inputs);

        // Then
        Assert.That(html, Does.Contain("(3 permutations on all 4 held-out rows; one-hot slots summed per column)"));
    }
}
