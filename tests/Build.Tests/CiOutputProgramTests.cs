using System.Text.RegularExpressions;

namespace MlOps.Build.Tests;

/// <summary>The program on GitHub Actions, GitLab and Azure Pipelines, as their standard variables announce them.</summary>
[Category("Slow")]
public sealed class CiOutputProgramTests
{
    private const string Pipeline = "pipelines/credit-scoring.yaml";

    private const string Malformed = "name: credit-scoring\ndata:\n  path: data\n  paht: typo\n";

    private const string Unknown = "Unknown key 'paht' in 'data'. Did you mean 'path'? Expected one of: csv, current, path, source, table.";

    private static int LineOf(BuildProgram build, string text) =>
        Array.FindIndex(File.ReadAllLines(build.Repository[Pipeline]), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Test]
    public void Should_Write_The_Job_Summary_With_The_Gate_Table_Group_Tasks_And_Annotate_The_Refused_Check_On_GitHub()
    {
        // Given: a limit the candidate cannot reach
        using var build = BuildProgram.QuickSample(("min: { auc: 0.68, accuracy: 0.70 }", "min: { auc: 0.95, accuracy: 0.70 }"));
        build.Environment["GITHUB_ACTIONS"] = "true";
        build.Environment["GITHUB_STEP_SUMMARY"] = build.Repository["summary.md"];
        build.Environment["GITHUB_WORKSPACE"] = build.Repository.Path;

        // When
        var result = build.Run("--target=Validate");

        // Then: exit code and Error: line as without CI
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        var line = LineOf(build, "min: { auc: 0.95");
        Assert.That(result.Errors, Does.Match($@"^Error: auc 0\.7\d{{3}} is below the minimum 0\.95 \(pipelines/credit-scoring\.yaml:{line}:\d+\)\n$"));

        // Then: a group around each task
        // (Spectre.Console writes the header in bold on GitHub Actions, whose log shows ANSI styles, even with NO_COLOR.)
        Assert.That(result.Output, Does.Match(@"::group::Train\n(\u001b\[1m)?==> Train").And.Match(@"::group::Validate\n(\u001b\[1m)?==> Validate"));
        var lines = result.Output.Split('\n');
        Assert.That(lines.Count(l => l == "::endgroup::"), Is.EqualTo(lines.Count(l => l.StartsWith("::group::", StringComparison.Ordinal))));

        // Then: the refused check at the line of its limit, and the Error: line
        Assert.That(result.Output, Does.Match($@"\n::error file=pipelines/credit-scoring\.yaml,line={line},col=\d+,title=Validate::"
            + $@"auc 0\.7\d{{3}} is below the minimum 0\.95 \(pipelines/credit-scoring\.yaml:{line}:\d+\)\n"));
        Assert.That(result.Output, Does.Match(@"\n::error title=Validate::auc 0\.7\d{3} is below the minimum 0\.95"));

        // Then: the summary's task table, metrics and gate table
        var summary = File.ReadAllText(build.Repository["summary.md"]);
        Assert.That(summary, Does.StartWith("## Build Validate: failed (exit code 3)\n"));
        Assert.That(summary, Does.Match(@"\| Train \| ✅ ran \| \d+\.\d\ds \| "));
        Assert.That(summary, Does.Match(@"\| Validate \| ❌ failed \| \d+\.\d\ds \|  \|\n"));
        Assert.That(summary, Does.Match(@"### Metrics: credit-scoring_v1_\d{14} \(\w+, ").And.Match(@"\| auc \| 0\.7\d+ \|"));
        Assert.That(summary, Does.Contain("### Validate gate: ❌ fail: v1: 6/7 checks passed\n"));
        Assert.That(summary, Does.Match($@"\| auc >= 0\.95 \| 0\.7\d+ \| 0\.95 \| ❌ fail \| pipelines/credit-scoring\.yaml:{line}:\d+ \|\n"));
        Assert.That(summary, Does.Match(@"\| accuracy >= 0\.7 \| 0\.\d+ \| 0\.7 \| ✅ pass \| "));
        Assert.That(summary, Does.Not.Contain("BiasCheck gate"));
    }

    [Test]
    public void Should_Write_The_Fairness_Gate_And_Table_And_Annotate_Each_Exceeded_Limit_On_GitHub()
    {
        // Given: age gated too; the sample's under-25s are approved far less often.
        using var build = BuildProgram.QuickSample(("gate: [gender]", "gate: [gender, age]"));
        build.Environment["GITHUB_ACTIONS"] = "true";
        build.Environment["GITHUB_STEP_SUMMARY"] = build.Repository["summary.md"];

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        var line = LineOf(build, "max: { equal_opportunity_difference");
        Assert.That(result.Output, Does.Match($@"\n::error file=pipelines/credit-scoring\.yaml,line={line},col=\d+,title=BiasCheck::"
            + @"equal_opportunity_difference of age is 0\.\d{4}, above the maximum 0\.1 "));
        var summary = File.ReadAllText(build.Repository["summary.md"]);
        Assert.That(summary, Does.Contain("### Validate gate: ✅ pass: v1: 7/7 checks passed\n").And.Contain("### BiasCheck gate: ❌ fail: "));
        Assert.That(summary, Does.Match(@"\| equal_opportunity_difference \| age \| 0\.\d+ \| ≤ 0\.1 \| ❌ fail \| \[18, 25\) vs "));
        Assert.That(summary, Does.Contain("| Attribute | Group | Rows | Selection rate | True positive rate | False positive rate | Accuracy |\n")
            .And.Match(@"\| gender \| female \| [\d,]+ \| 0\.\d+ \|"));
    }

    [Test]
    public void Should_Not_Nest_Groups_When_Monitor_Retrains_On_GitHub()
    {
        // Given: the drifted batch, which Monitor --retrain trains on in a build of its own (its data gate refuses it)
        using var build = BuildProgram.QuickSample();
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);
        build.Environment["GITHUB_ACTIONS"] = "true";

        // When
        var result = build.Run("--target=Monitor", "--current=data/current.csv", "--retrain");

        // Then: every group closes before the next opens, the retraining build's output inside Monitor's
        Assert.That(result.Output, Does.Contain("Monitor: retrained on data/current.csv"), result.Output + result.Errors);
        var groups = result.Output.Split('\n').Where(l => l.StartsWith("::group::", StringComparison.Ordinal) || l == "::endgroup::").ToList();
        Assert.That(groups.Where((line, i) => line.StartsWith("::group::", StringComparison.Ordinal) != (i % 2 == 0)), Is.Empty, string.Join('\n', groups));
        Assert.That(groups, Does.Contain("::group::Monitor").And.Not.Contain("::group::ValidateData"));
    }

    [Test]
    public void Should_Write_Monitor_s_Drift_Verdict_In_The_Summary_On_GitHub()
    {
        // Given: the sample's current batch, which drifts
        using var build = BuildProgram.QuickSample();
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);
        build.Environment["GITHUB_ACTIONS"] = "true";
        build.Environment["GITHUB_STEP_SUMMARY"] = build.Repository["summary.md"];

        // When
        var result = build.Run("--target=Monitor", "--current=data/current.csv");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        var summary = File.ReadAllText(build.Repository["summary.md"]);
        Assert.That(summary, Does.Contain(
            "### Monitor: breached (credit-scoring in local)\n\n- Data drift: **detected**: 3 of 18 columns drifted (17 %; the limit is 0.1)\n"));
        Assert.That(summary, Does.Match(
            @"- Breach: dataset drift: 3 of 18 columns drifted \(17 %\), at least monitoring.drift_share 0.1 \(pipelines/credit-scoring.yaml:\d+:\d+\)\n"));
        Assert.That(summary, Does.Not.Contain("### Metrics").And.Not.Contain("gate:"));
    }

    [Test]
    public void Should_Annotate_A_Malformed_Pipeline_File_With_Its_File_Line_And_Column_On_GitHub()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write(Pipeline, Malformed);
        build.Environment["GITHUB_ACTIONS"] = "true";
        build.Environment["GITHUB_WORKSPACE"] = build.Repository.Path;

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Output, Does.Match($@"(^|\n)::error file=pipelines/credit-scoring\.yaml,line=4,col=3(,title=\w+)?::pipelines/credit-scoring\.yaml:4:3: "
            + $@"{Regex.Escape(Unknown)}\n"));
        Assert.That(result.Errors, Is.EqualTo($"Error: pipelines/credit-scoring.yaml:4:3: {Unknown}\n"));
    }

    [Test]
    public void Should_Log_The_Issue_With_Source_Path_And_Line_On_Azure_Pipelines()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write(Pipeline, Malformed);
        build.Environment["TF_BUILD"] = "True";
        build.Environment["BUILD_SOURCESDIRECTORY"] = build.Repository.Path;

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Output, Does.Contain(
            $"##vso[task.logissue type=error;sourcepath=pipelines/credit-scoring.yaml;linenumber=4;columnnumber=3]pipelines/credit-scoring.yaml:4:3: {Unknown}\n"));
        Assert.That(result.Errors, Is.EqualTo($"Error: pipelines/credit-scoring.yaml:4:3: {Unknown}\n"));
    }

    [Test]
    public void Should_Fold_Each_Task_In_A_Section_On_GitLab()
    {
        // Given: a run that needs no data
        using var build = new BuildProgram();
        build.Environment["GITLAB_CI"] = "true";

        // When
        var result = build.Run("--target=Models");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Match("\u001b\\[0Ksection_start:\\d+:task_models\\[collapsed=true\\]\r\u001b\\[0KModels\n==> Models\n"));
        Assert.That(result.Output, Does.Match("\n\u001b\\[0Ksection_end:\\d+:task_models\r\u001b\\[0K\n"));
        Assert.That(result.Output, Does.Not.Contain("::").And.Not.Contain("##"));
    }

    [Test]
    public void Should_Write_Exactly_The_Plain_Output_Without_A_CI_Service()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write(Pipeline, Malformed);

        // When
        var result = build.Run();

        // Then
        Assert.That(result.Output, Does.Not.Contain("::").And.Not.Contain("##").And.Not.Contain("section_"));
        Assert.That(result.Errors, Is.EqualTo($"Error: pipelines/credit-scoring.yaml:4:3: {Unknown}\n"));
    }
}
