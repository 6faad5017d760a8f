using System.Text.RegularExpressions;
using MlOps.Tasks.Monitoring;
using static MlOps.Tasks.Tests.Monitoring.MonitorReports;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class DriftHtmlTests
{
    private const string Script = "<script>alert(1)</script>";

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    [Test]
    public void Should_Escape_Every_Text_The_User_Gave()
    {
        // Given
        var column = Column(Script, drift: true) with { Bins = [new DriftBin(Script, 1, 1)] };
        var data = DataOf(column, Column("b", skipped: Script)) with { Reference = Script, Current = Script, NotInCurrent = [Script] };
        var report = Report(data, Concept(Script) with { Feedback = Script }, Service() with { Address = Script }, model: Script) with
        {
            Environment = Script, Pipeline = Script, Breaches = [Script],
        };

        // When
        var html = DriftHtml.Write(report);

        // Then
        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(Count(html, "&lt;script&gt;alert(1)&lt;/script&gt;"), Is.GreaterThanOrEqualTo(14));
    }

    [Test]
    public void Should_Draw_One_Histogram_Per_Tested_Column_Drifted_Ones_First()
    {
        // Given
        var report = Report(DataOf(Column("income"), Column("region", drift: true), Column("owner", skipped: "no values in the reference")));

        // When
        var html = DriftHtml.Write(report);

        // Then
        Assert.That(Count(html, "<svg "), Is.EqualTo(2));
        Assert.That(Count(html, "<div class=\"column\">"), Is.EqualTo(3));
        Assert.That(html.IndexOf(">region</h3>", StringComparison.Ordinal), Is.LessThan(html.IndexOf(">income</h3>", StringComparison.Ordinal)));
        Assert.That(html, Does.Contain("<title>[1, 2]: current 75.0 %</title>"));
    }

    [Test]
    public void Should_Show_The_Verdict_Of_The_Dataset_And_Each_Column()
    {
        // Given
        var report = Report(DataOf(Column("income", drift: true, score: 0.01, psi: 0.3), Column("region")));

        // When
        var html = DriftHtml.Write(report);

        // Then
        Assert.That(html, Does.Contain("<h2 class=\"drift\">Dataset drift: 1 of 2 columns drifted (50 %; the dataset drifts from 50 %)</h2>"));
        Assert.That(html, Does.Contain("<div>ks 0.01 (threshold 0.05), statistic 0.25; PSI 0.3 (major)</div>"));
        Assert.That(html, Does.Contain("Not in the current data, so not tested: default."));
        Assert.That(html, Does.Not.Contain("Concept drift").And.Not.Contain("Service "));
    }

    [Test]
    public void Should_Show_Concept_Drift_Windows_And_Objectives()
    {
        // Given
        var report = Report(DataOf(Column("income")), Concept(), Service());

        // When
        var html = DriftHtml.Write(report);

        // Then
        Assert.That(html, Does.Contain("<h2 class=\"drift\">Concept drift (page_hinkley over the prediction errors)</h2>"));
        Assert.That(html, Does.Contain("8 of 10 rows joined to logged predictions. Drift signalled at labelled prediction 6."));
        Assert.That(html, Does.Contain("<td>8</td><td>3</td><td>0.75</td><td>0.625</td><td>-</td>"));
        Assert.That(html, Does.Contain("<tr><td>max_error_rate</td><td>0.02</td><td>0.01</td><td class=\"drift\">breached</td></tr>"));
    }
}
