using System.Text.Json;
using MlOps.Models.Bundles;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Reports;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Reports;

public sealed class ModelCardTests
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));

    private const string Metrics = """
        { "model": "credit-scoring", "version": 3, "version_name": "credit-scoring_v3_20260101000000", "run_id": "abc", "trainer": "lightgbm",
          "data_md5": "9644a0bd6d88a0cfe72ad5c5e6c80b16", "rows": { "train": 16000, "test": 4 },
          "test": { "auc": 0.7123, "auc_pr": 0.55, "accuracy": 0.75, "precision": 0.5, "recall": 0.5, "f1": 0.5, "log_loss": 0.54, "brier": 0.18, "calibration_error": 0.0261 },
          "validation": { "passed": false, "checks": [ { "check": "auc >= 0.8", "passed": false, "message": "auc 0.7123 is below the minimum 0.8" } ],
            "behaviour": [ { "name": "region", "kind": "invariance", "rows": 1000, "failures": 7, "examples": ["test row 10: region=north moved the score"] } ] } }
        """;

    private static ReportInputs Inputs(Explanation? explanation = null) => new()
    {
        Pipeline = PipelineFile.Load(SourceRoot, "pipelines/credit-scoring.yaml"),
        Metrics = JsonDocument.Parse(Metrics).RootElement.Clone(),
        Run = new RunRecord("abc", "credit-scoring", null, RunStatus.Finished, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            new Dictionary<string, string> { ["feature.income"] = "numeric: 167 missing values imputed with the mean" }, new Dictionary<string, double>(),
            new Dictionary<string, string>(), []),
        Provenance = new BundleProvenance { ModelName = "credit-scoring", ModelVersion = "3", RunId = "abc", DataMd5 = "9644a0bd", GitCommit = "e66e330",
            Created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Trainer = "lightgbm" },
        BundleSha256 = "fc12f3",
        Predictions = [new("1", true, 0.9, true, ["male", "30"]), new("2", false, 0.2, false, ["female", "22"]),
            new("3", true, 0.3, false, ["female", "50"]), new("4", false, 0.7, true, ["male", "70"])],
        Attributes = ["gender", "age"],
        Explanation = explanation,
        ExplanationError = explanation is null ? "not explained in this test" : null,
    };

    [Test]
    public void Should_Have_Every_Section_Of_The_Template()
    {
        // When
        var card = ModelCard.Write(Inputs());

        // Then
        Assert.That(card, Does.StartWith("# Model card: credit-scoring v3\n"));
        foreach (var section in new[] { "Model details", "Intended use", "Training data", "Performance", "Explainability", "Limitations", "Ethical considerations" })
        {
            Assert.That(card, Does.Contain($"\n## {section}\n"), section);
        }
    }

    [Test]
    public void Should_Fill_The_Sections_With_The_Numbers_Of_The_Run()
    {
        // Given
        var explanation = new Explanation(3, 4, 4, 42, [new ColumnImportance("income", 2, 0.0931, 0.0031)], [], "no contributions here");

        // When
        var card = ModelCard.Write(Inputs(explanation));

        // Then
        Assert.That(card, Does.Contain("- Name: `credit-scoring_v3_20260101000000` (model `credit-scoring`, version 3)"));
        Assert.That(card, Does.Contain("number_of_iterations 200"));
        Assert.That(card, Does.Contain("from git commit `e66e330`"));
        Assert.That(card, Does.Contain("- Purpose: Predicts whether a credit applicant defaults within a year."));
        Assert.That(card, Does.Contain("age ≥ 18 and ≤ 100, income > 0"));
        Assert.That(card, Does.Contain("16,000 training rows, 4 held out"));
        Assert.That(card, Does.Contain("50.0 % of the held-out rows are `1`"));
        Assert.That(card, Does.Contain("| income | numeric: 167 missing values imputed with the mean |"));
        Assert.That(card, Does.Contain("| auc | 0.7123 |"));
        Assert.That(card, Does.Contain("Confusion matrix: 1 true positives, 1 false positives, 1 true negatives, 1 false negatives."));
        Assert.That(card, Does.Contain("Validate gate: FAILED, 0 of 1 checks passed"));
        Assert.That(card, Does.Contain("| income | 0.0931 | 0.0031 | 2 |"));
        Assert.That(card, Does.Contain("Per-prediction contributions: not available (no contributions here)."));
        Assert.That(card, Does.Contain("expected calibration error 0.0261"));
        Assert.That(card, Does.Contain("'region' (invariance): 7 of 1000 cases failed, e.g. test row 10"));
        Assert.That(card, Does.Contain("Protected attribute `gender`: excluded from the features; gated by BiasCheck."));
        Assert.That(card, Does.Contain("- BiasCheck has not run: no fairness measurements."));
    }
}
