using MlOps.Tasks.Artifacts;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Artifacts;

public sealed class MetricsFileTests
{
    // metrics.json as Train, Validate, BiasCheck and Report leave it, with a member a newer build added.
    private const string Written = """
        {
          "model": "credit-scoring",
          "version": 2,
          "version_name": "credit-scoring-v2",
          "run_id": "0f3c",
          "trainer": "lightgbm",
          "data_md5": "3f1a",
          "rows": {
            "train": 3000,
            "test": 1000
          },
          "test": {
            "auc": 0.8123456789012345,
            "accuracy": 0.75
          },
          "cross_validation": {
            "folds": 3,
            "mean": {
              "accuracy": 0.74,
              "auc": 0.8
            },
            "std": {
              "accuracy": 0.01,
              "auc": 0.02
            }
          },
          "validation": {
            "passed": false,
            "metrics": {
              "auc": 0.81
            },
            "champion": {
              "version": 1,
              "rows": 812,
              "metrics": {
                "auc": 0.8
              },
              "candidate_metrics": {
                "auc": 0.81
              }
            },
            "checks": [
              {
                "check": "min auc",
                "value": 0.81,
                "limit": 0.85,
                "passed": false,
                "message": "auc 0.81 < 0.85",
                "location": "pipelines/credit-scoring.yaml:40:10"
              }
            ],
            "behaviour": [
              {
                "name": "income up",
                "kind": "directional",
                "rows": 50,
                "failures": 1,
                "failure_rate": 0.02,
                "max_failure_rate": 0.05,
                "passed": true,
                "examples": [
                  "row 7: 0.4 -> 0.3"
                ]
              }
            ],
            "fingerprint": "aa",
            "summary": "1 of 2 checks failed"
          },
          "fairness": {
            "passed": true,
            "fingerprint": "bb",
            "summary": "within limits; staging -> v2"
          },
          "report": {
            "passed": true,
            "fingerprint": "cc",
            "summary": "model-card.md, report.html"
          },
          "drift_baseline": {
            "rows": 4000
          }
        }
        """;

    [Test]
    public void Should_Write_Back_The_Same_Bytes_When_A_File_Is_Read_And_Written_Unchanged()
    {
        // Given
        using var temp = new TempDirectory();
        var path = temp.Write("metrics.json", Written);

        // When
        MetricsFile.Read(path).Write(path);

        // Then
        Assert.That(File.ReadAllText(path), Is.EqualTo(Written));
    }

    [Test]
    public void Should_Keep_The_Other_Verdicts_And_Unknown_Members_When_One_Gate_Is_Updated()
    {
        // Given
        using var temp = new TempDirectory();
        var path = temp.Write("metrics.json", Written);

        // When
        var updated = MetricsFile.Update(path, m => m with { Fairness = new GateVerdict(false, "dd", "2 fairness limits exceeded") });

        // Then
        var read = MetricsFile.Read(path);
        Assert.That(read.Fairness, Is.EqualTo(new GateVerdict(false, "dd", "2 fairness limits exceeded")));
        Assert.That(read.Validation!.Verdict, Is.EqualTo(new GateVerdict(false, "aa", "1 of 2 checks failed")));
        Assert.That(read.Report!.PassedOn("cc"), Is.EqualTo("model-card.md, report.html"));
        Assert.That(File.ReadAllText(path), Does.Contain("\"drift_baseline\": {\n    \"rows\": 4000\n  }"));
        Assert.That(updated.Version, Is.EqualTo(2));
    }

    [Test]
    public void Should_Name_The_Line_And_Column_When_The_File_Is_Not_Metrics_Json()
    {
        // Given
        using var temp = new TempDirectory();
        var path = temp.Write("metrics.json", "{\n  \"model\": \"m\",\n  \"version\": \"two\"\n}");

        // When
        var error = Assert.Throws<InvalidFileException>(() => MetricsFile.Read(path, "artifacts/m/metrics.json"));

        // Then
        Assert.That(error!.Location, Is.EqualTo(new SourceLocation("artifacts/m/metrics.json", 3, 19)));
        Assert.That(error.Message, Does.Contain("run ./build.sh --target=Train --force"));
    }

    [Test]
    public void Should_Return_Null_When_There_Is_No_File_And_Say_What_To_Run_When_One_Is_Required()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var missing = MetricsFile.ReadIfExists(temp["metrics.json"]);
        var error = Assert.Throws<UsageException>(() => MetricsFile.Read(temp["metrics.json"], "artifacts/m/metrics.json"));

        // Then
        Assert.That(missing, Is.Null);
        Assert.That(error!.Message, Is.EqualTo("artifacts/m/metrics.json does not exist; run ./build.sh --target=Train first."));
    }

    [TestCase(true, "aa", "aa", "summary")]
    [TestCase(true, "aa", "bb", null)]
    [TestCase(false, "aa", "aa", null)]
    public void Should_Stand_Only_When_The_Gate_Passed_On_The_Same_Fingerprint(bool passed, string recorded, string asked, string? expected)
    {
        // Given
        var verdict = new GateVerdict(passed, recorded, "summary");

        // When
        var summary = verdict.PassedOn(asked);

        // Then
        Assert.That(summary, Is.EqualTo(expected));
    }
}
