using System.Text.Json;
using MlOps.Models.Bundles;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Reports;

using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Reports;

/// <summary>What the card and the HTML report are written from in tests: four held-out rows of the sample pipeline.</summary>
internal static class ReportExamples
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));

    private const string Metrics = """
        { "model": "credit-scoring", "version": 3, "version_name": "credit-scoring_v3_20260101000000", "run_id": "abc", "trainer": "lightgbm",
          "data_md5": "9644a0bd6d88a0cfe72ad5c5e6c80b16", "rows": { "train": 16000, "test": 4 },
          "test": { "auc": 0.7123, "auc_pr": 0.55, "accuracy": 0.75, "precision": 0.5, "recall": 0.5, "f1": 0.5, "log_loss": 0.54, "brier": 0.18, "calibration_error": 0.0261 },
          "validation": { "passed": false, "checks": [ { "check": "auc >= 0.8", "passed": false, "message": "auc 0.7123 is below the minimum 0.8" } ],
            "behaviour": [ { "name": "region", "kind": "invariance", "rows": 1000, "failures": 7, "max_failure_rate": 0.02, "examples": [
        """ + """
        "test row 10: region=north moved the score"] } ] } }
        """;

    public static ReportInputs Inputs(Explanation? explanation = null) => new()
    {
        Pipeline = PipelineFile.Load(SourceRoot, "pipelines/credit-scoring.yaml"),
        Metrics = JsonSerializer.Deserialize<MetricsFile>(Metrics, ArtifactJson.Options)!,
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

    public static Explanation Explanation(int rows, int heldOut) =>
        new(3, rows, heldOut, 42, [new ColumnImportance("income", 2, 0.0931, 0.0031)], [], "no contributions here");
}
