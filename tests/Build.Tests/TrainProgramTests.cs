using System.Text.Json;

namespace MlOps.Build.Tests;

/// <summary>Train and the registry as a user meets them: train, skip, change, force, compare, alias.</summary>
[Category("Slow")]
public sealed class TrainProgramTests
{
    private const string Pipeline = "pipelines/credit-scoring.yaml";

    // The sample pipeline, trained smaller so the test stays quick: 50 trees, no cross-validation.
    private static BuildProgram QuickClone()
    {
        var build = new BuildProgram();
        build.CopyFromSource("data.dvc");
        Edit(build, ("number_of_iterations: 200", "number_of_iterations: 50"), ("folds: 5 ", "folds: 0 "));
        return build;
    }

    private static void Edit(BuildProgram build, params (string From, string To)[] changes)
    {
        var text = File.ReadAllText(build.Repository[Pipeline]);
        foreach (var (from, to) in changes)
        {
            Assert.That(text, Does.Contain(from));
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        File.WriteAllText(build.Repository[Pipeline], text);
    }

    private static JsonElement TestMetrics(BuildProgram build)
    {
        using var metrics = JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/metrics.json"]));
        return metrics.RootElement.GetProperty("test").Clone();
    }

    [Test]
    public void Should_Register_Skip_Retrain_On_Change_Force_And_Compare()
    {
        // Given
        using var build = QuickClone();

        // When
        var first = build.Run("--target=Train");
        var again = build.Run("--target=Train");
        Edit(build, ("number_of_leaves: 15", "number_of_leaves: 31"));
        var changed = build.Run("--target=Train");
        var forced = build.Run("--target=Train", "--force");
        var compare = build.Run("--target=Compare", "--from=v1", "--to=v2");
        var models = build.Run("--target=Models");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(first.Output, Does.Match(@"Train\s+ran\s+\S+\s+credit-scoring v1, auc 0\.7\d{3}"));
        Assert.That(first.Output, Does.Contain("Generated a development signing key at .mlops/keys/signing-key.pem"));
        Assert.That(again.Output, Does.Match(@"Train: unchanged, reusing run [0-9a-f]{8} \(credit-scoring v1, auc 0\.7\d{3}\)"));
        Assert.That(again.Output, Does.Match(@"Train\s+unchanged"));
        Assert.That(changed.Output, Does.Contain("Train: changed since the last run: training"));
        Assert.That(changed.Output, Does.Match(@"credit-scoring_v2_\d{14} from run [0-9a-f]{32}, alias candidate"));
        Assert.That(forced.Output, Does.Match(@"Train\s+ran\s+\S+\s+credit-scoring v3"));
        Assert.That(compare.ExitCode, Is.Zero, compare.Errors);
        Assert.That(compare.Output, Does.Match(@"│ number_of_leaves\s+│ 15\s+│ 31\s+│"));
        Assert.That(compare.Output, Does.Match(@"│ auc\s+│ 0\.\d{4} │ 0\.\d{4} │ [+-]0\.\d{4}"));
        Assert.That(models.Output, Does.Match(@"│ v3\s+│ credit-scoring_v3_\d{14}\s+│ candidate"));
        Assert.That(models.Output, Does.Contain("candidate: v2 -> v3 by"));
    }

    [Test]
    public void Should_Give_Identical_Metrics_In_Two_Fresh_Repositories()
    {
        // Given
        using var one = QuickClone();
        using var other = QuickClone();

        // When
        var first = one.Run("--target=Train");
        var second = other.Run("--target=Train");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Errors);
        Assert.That(second.ExitCode, Is.Zero, second.Errors);
        Assert.That(TestMetrics(other).GetRawText(), Is.EqualTo(TestMetrics(one).GetRawText()));
    }

    [Test]
    public void Should_Move_An_Alias_And_Refuse_An_Unknown_Version()
    {
        // Given
        using var build = QuickClone();
        build.Run("--target=Train");

        // When
        var moved = build.Run("--target=SetAlias", "--alias=staging", "--version=v1", "--reason=looks good");
        var unknown = build.Run("--target=SetAlias", "--alias=staging", "--version=v7");

        // Then
        Assert.That(moved.ExitCode, Is.Zero, moved.Errors);
        Assert.That(moved.Output, Does.Contain("credit-scoring: staging -> v1 (was nothing)"));
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Errors, Is.EqualTo("Error: Model 'credit-scoring' has no version 7; versions: 1.\n"));
    }

    [Test]
    public void Should_Exit_2_Naming_The_Valid_Parameters_Of_The_Trainer()
    {
        // Given
        using var build = QuickClone();
        Edit(build, ("number_of_leaves: 15", "leaves: 15"));

        // When
        var result = build.Run("--target=Train");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Errors, Does.StartWith("Error: pipelines/credit-scoring.yaml:").And.Contain(
            ": Trainer 'lightgbm' has no parameter 'leaves'. Did you mean 'number_of_leaves'? Its parameters: batch_size, categorical_smoothing,"));
    }

    [Test]
    public void Should_Exit_2_Naming_The_Line_Of_A_Value_Train_Cannot_Read()
    {
        // Given: a pinned table with text in a numeric column (ValidateData is not asked).
        using var build = QuickClone();
        build.Run("--target=PullData");
        var lines = File.ReadAllLines(build.Repository["data/credit.csv"]);
        lines[3] = string.Join(',', lines[3].Split(',').Select((v, i) => i == 8 ? "lots" : v));
        File.WriteAllText(build.Repository["data/credit.csv"], string.Join('\n', lines) + "\n");
        build.Run("--target=TrackData");

        // When
        var result = build.Run("--target=Train", "--exclusive");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Errors, Is.EqualTo(
            "Error: data/credit.csv:4:1: column 'income' (row 2) is numeric, but holds 'lots'; fix the value, add it to data.csv.missing, or declare the column categorical.\n"));
    }
}
