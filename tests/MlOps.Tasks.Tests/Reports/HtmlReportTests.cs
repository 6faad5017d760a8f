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

    [Test]
    public void Should_Plot_The_Optimisation_History_And_The_Importance_When_Train_Swept()
    {
        // Given
        var inputs = SweepExamples.Inputs();

        // When
        var html = HtmlReport.Write(inputs);

        // Then
        Assert.That(html, Does.Contain("<img alt=\"Optimisation history\" src=\"data:image/png;base64,iVBOR"));
        Assert.That(html, Does.Contain("<img alt=\"Hyper-parameter importance\" src=\"data:image/png;base64,iVBOR"));
        Assert.That(html, Does.Contain("<h3>Best trial 2 (auc 0.8100), refit as this model</h3><table><tr><th>setting</th><th>value</th></tr>\n"
            + "<tr><td>trainer</td><td>lightgbm</td></tr>\n<tr><td>learning_rate</td><td>0.05</td></tr>\n<tr><td>number_of_leaves</td><td>32</td></tr>\n"));
        Assert.That(html, Does.Contain("<tr><td>learning_rate</td><td>0.9901</td></tr>\n<tr><td>number_of_leaves</td><td>0.0099</td></tr>"));
    }

    [Test]
    public void Should_Have_No_Search_When_Train_Did_Not_Sweep()
    {
        // When
        var html = HtmlReport.Write(ReportExamples.Inputs());

        // Then
        Assert.That(html, Does.Not.Contain("Optimisation history").And.Not.Contain("Hyper-parameter"));
    }
}
