using System.Diagnostics;
using System.Text.Json;

namespace MlOps.Build.Tests;

/// <summary>The Validate and BiasCheck gates as a user meets them.</summary>
[Category("Slow")]
public sealed class GateProgramTests
{
    private const string Pipeline = "pipelines/credit-scoring.yaml";

    private static int LineOf(BuildProgram build, string text) =>
        Array.FindIndex(File.ReadAllLines(build.Repository[Pipeline]), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Test]
    public void Should_Point_Staging_Back_At_The_Version_The_Pipeline_Returns_To()
    {
        // Given: v1 gated, then v2 from other parameters, then the parameters as they were
        using var build = BuildProgram.QuickSample();
        var pipeline = build.Repository[Pipeline];
        var first = build.Run("--target=BiasCheck");
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("number_of_iterations: 60", "number_of_iterations: 70", StringComparison.Ordinal));
        var second = build.Run("--target=BiasCheck");
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("number_of_iterations: 70", "number_of_iterations: 60", StringComparison.Ordinal));

        // When: Train reuses v1's run and brings back its gates' verdicts; then, with staging moved away by hand, the gates are unchanged
        var back = build.Run("--target=BiasCheck");
        var moved = build.Run("--target=SetAlias", "--alias=staging", "--version=v2");
        var unchanged = build.Run("--target=BiasCheck");
        var models = build.Run("--target=Models");

        // Then
        Assert.That((first.ExitCode, second.ExitCode, back.ExitCode, moved.ExitCode, unchanged.ExitCode), Is.EqualTo((0, 0, 0, 0, 0)), unchanged.Output + unchanged.Errors);
        Assert.That(back.Output, Does.Contain("Train: unchanged, reusing run").And.Contain("Validate: unchanged, v1: 7/7 checks passed")
            .And.Contain("BiasCheck: unchanged, within limits; staging -> v1"));
        Assert.That(unchanged.Output, Does.Contain("BiasCheck: unchanged, within limits; staging -> v1"));
        Assert.That(models.Output, Does.Match(@"│ v1\s+│ credit-scoring_v1_\d{14}\s+│ staging"));
    }

    [Test]
    public void Should_Pass_Both_Gates_On_The_Sample_And_Move_Staging()
    {
        // Given
        using var build = BuildProgram.QuickSample();

        // When
        var result = build.Run();
        var models = build.Run("--target=Models");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Match(@"Validate\s+ran\s+\S+\s+v1: 7/7 checks passed"));
        Assert.That(result.Output, Does.Match(@"BiasCheck\s+ran\s+\S+\s+within limits; staging -> v1"));
        Assert.That(models.Output, Does.Match(@"│ v1\s+│ credit-scoring_v1_\d{14}\s+│ candidate, staging"));
        var predictions = File.ReadAllLines(build.Repository["artifacts/credit-scoring/predictions.csv"]);
        Assert.That(predictions[0], Is.EqualTo("id,label,score,predicted,gender,age"));
        Assert.That(predictions, Has.Length.EqualTo(3978));
        using var fairness = JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/fairness.json"]));
        Assert.That(fairness.RootElement.GetProperty("attributes").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void Should_Exit_3_Naming_Metric_Value_Limit_And_Line()
    {
        // Given
        using var build = BuildProgram.QuickSample(("min: { auc: 0.68, accuracy: 0.70 }", "min: { auc: 0.95, accuracy: 0.70 }"));

        // When
        var result = build.Run("--target=Validate");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        Assert.That(result.Errors, Does.Match(
            $@"^Error: auc 0\.7\d{{3}} is below the minimum 0\.95 \(pipelines/credit-scoring\.yaml:{LineOf(build, "min: { auc: 0.95")}:\d+\)\n$"));
    }

    [Test]
    public void Should_Fail_The_Behavioural_Tests_Of_A_Deliberately_Broken_Model()
    {
        // Given: a model that may read only the region, which the label does not depend on.
        using var build = BuildProgram.QuickSample(("exclude: [email, gender, age]",
            "exclude: [email, gender, age, marital_status, employment, employment_years, income, home_ownership, loan_amount, loan_term, "
            + "interest_rate, purpose, credit_history_years, open_accounts, delinquencies, debt_to_income, phone_verified]"));

        // When
        var result = build.Run("--target=Validate");
        var reportOnly = build.Run("--target=Validate", "--report-only");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain("FAILED behaviour 'clear cases' (minimum_functionality): 1 of 2 (50.0 %) failed, 0.0 % allowed; e.g. case 2 ("));
        Assert.That(result.Output, Does.Contain("expects 1, scored 0."));
        Assert.That(reportOnly.ExitCode, Is.Zero, reportOnly.Errors);
        Assert.That(reportOnly.Output, Does.Contain("FAILED behaviour 'clear cases'"));
    }

    [Test]
    public void Should_Hold_A_Challenger_To_The_Production_Version_On_The_Same_Rows()
    {
        // Given: v1 in production, then a much weaker challenger (two trees).
        using var build = BuildProgram.QuickSample();
        build.Run("--target=Validate");
        build.Run("--target=SetAlias", "--alias=production", "--version=v1");
        var text = File.ReadAllText(build.Repository[Pipeline]).Replace("number_of_iterations: 60", "number_of_iterations: 2", StringComparison.Ordinal);
        File.WriteAllText(build.Repository[Pipeline], text.Replace("max_regression: { auc: 0.01 }", "max_regression: { auc: 0.001, log_loss: 0.001 }", StringComparison.Ordinal));

        // When
        var result = build.Run("--target=Validate", "--report-only");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        Assert.That(result.Output, Does.Match(
            @"FAILED log_loss 0\.\d{4} is 0\.\d{4} worse than production v1 \(0\.\d{4}\) on the [\d,]+ held-out rows neither v1 nor v2 trained on; "
            + @"the allowed regression is 0\.001 \(pipelines/credit-scoring\.yaml:\d+:\d+\)"));
        Assert.That(result.Output, Does.Match(@"Validate\s+ran\s+\S+\s+v2: \d/9 checks passed"));
    }

    [Test]
    public void Should_Exit_3_When_A_Gated_Attribute_Exceeds_Its_Fairness_Limit()
    {
        // Given: age gated too; the sample's under-25s are approved far less often.
        using var build = BuildProgram.QuickSample(("gate: [gender]", "gate: [gender, age]"));

        // When
        var result = build.Run();
        var models = build.Run("--target=Models");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        Assert.That(result.Output, Does.Match(
            $@"FAILED equal_opportunity_difference of age is 0\.\d{{4}}, above the maximum 0\.1 \(\[18, 25\) vs \[\S+, \S+\]\) "
            + $@"\(pipelines/credit-scoring\.yaml:{LineOf(build, "max: { equal_opportunity_difference")}:\d+\)"));
        Assert.That(models.Output, Does.Not.Contain("staging"));
    }

    [Test]
    public void Should_Report_Metrics_That_Agree_With_Scikit_Learn()
    {
        // Given
        const string python = "/usr/bin/python3";
        if (!File.Exists(python) || Process.Start(python, "-c \"import sklearn\"") is { } probe && !probe.WaitForExit(30_000) | probe.ExitCode != 0)
        {
            Assert.Ignore("Debian's python3-sklearn is not installed (.ci/run installs it).");
        }

        using var build = BuildProgram.QuickSample();
        build.Run("--target=Validate");

        // When
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(BuildProgram.SourceRoot, "bench/metrics-vs-sklearn.py"));
        start.ArgumentList.Add(build.Repository["artifacts/credit-scoring/predictions.csv"]);
        using var process = Process.Start(start)!;
        using var sklearn = JsonDocument.Parse(process.StandardOutput.ReadToEnd());
        using var ours = JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/metrics.json"]));

        // Then
        var metrics = ours.RootElement.GetProperty("validation").GetProperty("metrics");
        foreach (var (mine, theirs) in new[] { ("auc", "roc_auc"), ("auc_pr", "average_precision"), ("accuracy", "accuracy"), ("precision", "precision"),
            ("recall", "recall"), ("f1", "f1"), ("log_loss", "log_loss"), ("brier", "brier_score"), ("calibration_error", "expected_calibration_error") })
        {
            Assert.That(metrics.GetProperty(mine).GetDouble(), Is.EqualTo(sklearn.RootElement.GetProperty(theirs).GetDouble()).Within(1e-6), mine);
        }
    }
}
