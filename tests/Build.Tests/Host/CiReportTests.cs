using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Expectations;
using MlOps.Tasks.Pipeline;
using TaskStatus = MlOps.Build.Host.TaskStatus;

namespace MlOps.Build.Tests.Host;

/// <summary>The job summary and the gates' annotations, from records as the library reads them out of a run's artifacts.</summary>
public sealed class CiReportTests
{
    private static readonly CheckResult FailedAuc = new("auc >= 0.95", 0.7712, 0.95, false, "auc 0.7712 is below the minimum 0.95 (pipelines/p.yaml:14:7)",
        "pipelines/p.yaml:14:7");

    private static readonly CheckResult PassedAccuracy = new("accuracy >= 0.7", 0.8123, 0.7, true, "accuracy 0.8123 is at least 0.7 (pipelines/p.yaml:14:22)",
        "pipelines/p.yaml:14:22");

    private static readonly MetricsFile Metrics = new()
    {
        Model = "credit-scoring",
        Version = 1,
        VersionName = "credit-scoring-v1",
        RunId = "7f3a",
        Trainer = "fast_tree",
        Rows = new RowCounts(4000, 1000),
        Test = new Dictionary<string, double> { ["auc"] = 0.77123, ["accuracy"] = 0.8123 },
        Validation = new ValidationVerdict { Passed = false, Checks = [FailedAuc, PassedAccuracy], Summary = "v1: 1/2 checks passed" },
    };

    private static CiRun Run(Exception? failure, params TaskOutcome[] outcomes) =>
        new(["Validate"], outcomes, "/work/repo", null, null, failure);

    public sealed class Summary
    {
        [Test]
        public void Should_Hold_The_Task_Table_The_Metrics_And_The_Gate_Table()
        {
            // Given: Validate refused the candidate
            var run = Run(new QualityGateException(FailedAuc.Message),
                new TaskOutcome("Train", TaskStatus.Ran, TimeSpan.FromSeconds(12.5), "v1 trained"),
                new TaskOutcome("Validate", TaskStatus.Failed, TimeSpan.FromSeconds(3)));
            var artifacts = new CiArtifacts { Metrics = Metrics, Validation = Metrics.Validation };

            // When
            var summary = CiSummary.Write(run, artifacts);

            // Then
            Assert.That(summary, Does.StartWith("## Build Validate: failed (exit code 3)\n\n> **Error:** auc 0.7712 is below the minimum 0.95 (pipelines/p.yaml:14:7)\n\n"));
            Assert.That(summary, Does.Contain("| Task | Status | Duration | Note |\n| --- | --- | ---: | --- |\n"
                + "| Train | ✅ ran | 12.50s | v1 trained |\n| Validate | ❌ failed | 3.00s |  |\n| **Total** | | **15.50s** | |\n"));
            Assert.That(summary, Does.Contain("### Metrics: credit-scoring-v1 (fast_tree, 4,000 training rows, 1,000 held out)\n\n"
                + "| Metric | Held-out value |\n| --- | ---: |\n| auc | 0.7712 |\n| accuracy | 0.8123 |\n"));
            Assert.That(summary, Does.Contain("### Validate gate: ❌ fail: v1: 1/2 checks passed\n\n| Check | Value | Limit | Result | Set at |\n"
                + "| --- | ---: | ---: | --- | --- |\n| auc >= 0.95 | 0.7712 | 0.95 | ❌ fail | pipelines/p.yaml:14:7 |\n"
                + "| accuracy >= 0.7 | 0.8123 | 0.7 | ✅ pass | pipelines/p.yaml:14:22 |\n"));
        }

        [Test]
        public void Should_Leave_Out_What_The_Run_Did_Not_Produce()
        {
            // Given
            var run = Run(null, new TaskOutcome("PullData", TaskStatus.Skipped, TimeSpan.Zero, "nothing to pull | yet"));

            // When
            var summary = CiSummary.Write(run, new CiArtifacts());

            // Then
            Assert.That(summary, Is.EqualTo("## Build Validate: succeeded\n\n| Task | Status | Duration | Note |\n| --- | --- | ---: | --- |\n"
                + "| PullData | ⏭️ skipped | 0.00s | nothing to pull \\| yet |\n| **Total** | | **0.00s** | |\n\n"));
        }
    }

    public sealed class Annotations
    {
        [Test]
        public void Should_Annotate_A_Refused_Check_As_An_Error_At_The_Line_Of_Its_Limit()
        {
            // Given
            var run = Run(new QualityGateException(FailedAuc.Message), new TaskOutcome("Validate", TaskStatus.Failed, TimeSpan.Zero));

            // When
            var annotations = CiReport.Annotations(run, new CiArtifacts { Validation = Metrics.Validation }).ToList();

            // Then
            Assert.That(annotations, Is.EqualTo(new[]
            {
                new CiAnnotation(CiSeverity.Error, FailedAuc.Message, "Validate", new SourceLocation("pipelines/p.yaml", 14, 7)),
            }));
        }

        [Test]
        public void Should_Annotate_A_Failed_Check_As_A_Warning_When_The_Gate_Only_Reported_It()
        {
            // Given: --report-only
            var run = Run(null, new TaskOutcome("Validate", TaskStatus.Ran, TimeSpan.Zero));

            // When
            var annotations = CiReport.Annotations(run, new CiArtifacts { Validation = Metrics.Validation }).ToList();

            // Then
            Assert.That(annotations.Select(a => a.Severity), Is.EqualTo(new[] { CiSeverity.Warning }));
        }

        [Test]
        public void Should_Not_Annotate_A_Verdict_Reused_From_An_Earlier_Run()
        {
            // Given
            var run = Run(null, new TaskOutcome("Validate", TaskStatus.Unchanged, TimeSpan.Zero));

            // When, Then
            Assert.That(CiReport.Annotations(run, new CiArtifacts { Validation = Metrics.Validation }), Is.Empty);
        }

        [Test]
        public void Should_Annotate_Failed_Expectations_By_Severity_Where_They_Are_Declared()
        {
            // Given
            var run = Run(null, new TaskOutcome("ValidateData", TaskStatus.Ran, TimeSpan.Zero));
            var artifacts = new CiArtifacts
            {
                Expectations =
                [
                    new ExpectationVerdict("expect_column_to_exist", false, Severity.Error, "schema", "Column 'id' is missing."),
                    new ExpectationVerdict("expect_column_mean_to_be_between", false, Severity.Warning, "pipelines/p.yaml:30:9", "The mean 71 is above 65."),
                    new ExpectationVerdict("expect_column_values_to_be_unique", true, Severity.Error, "pipelines/p.yaml:31:9", "All unique."),
                ],
            };

            // When
            var annotations = CiReport.Annotations(run, artifacts).ToList();

            // Then
            Assert.That(annotations, Is.EqualTo(new[]
            {
                new CiAnnotation(CiSeverity.Error, "expect_column_to_exist: Column 'id' is missing.", "ValidateData"),
                new CiAnnotation(CiSeverity.Warning, "expect_column_mean_to_be_between: The mean 71 is above 65.", "ValidateData", new SourceLocation("pipelines/p.yaml", 30, 9)),
            }));
        }

        [Test]
        public void Should_Name_The_File_Of_A_Bad_Pipeline_File_In_The_Error_Line()
        {
            // Given
            var failure = new InvalidFileException(new SourceLocation("pipelines/p.yaml", 4, 3), "Unknown key 'paht' in 'data'.");

            // When, Then
            Assert.That(CiReport.ForFailure(failure, "Train"), Is.EqualTo(
                new CiAnnotation(CiSeverity.Error, "pipelines/p.yaml:4:3: Unknown key 'paht' in 'data'.", "Train", new SourceLocation("pipelines/p.yaml", 4, 3))));
        }
    }
}
