using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tests;

/// <summary>
/// Values of the pipeline file that cannot work, refused before anything is trained: exit 2, one Error: line
/// naming the pipeline file's line, no stack trace, no run or version recorded.
/// </summary>
[Category("Slow")]
public sealed class PipelineCheckProgramTests
{
    private const string Pipeline = "pipelines/credit-scoring.yaml";

    private static void AssertRefusedBeforeTraining(BuildProgram build, BuildProgram.Result result, string error)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Errors, Is.EqualTo($"Error: {error}\n"));
        Assert.That(result.Output + result.Errors, Does.Not.Contain("   at "), "no stack trace");
        using var store = TrackingStore.Open(build.Repository[".mlops"]);
        Assert.That(store.Runs.InExperiment("credit-scoring"), Is.Empty, "no run recorded");
        Assert.That(store.Registry.Models(), Is.Empty, "no version registered");
    }

    // The label's values and their rows in the sample, as a message lists them.
    private static string LabelCounts(BuildProgram build)
    {
        var labels = File.ReadLines(build.Repository["data/credit.csv"]).Skip(1).Select(l => l[(l.LastIndexOf(',') + 1)..]).ToList();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"0 ({labels.Count(l => l == "0"):N0} rows), 1 ({labels.Count(l => l == "1"):N0} rows)");
    }

    [Test]
    public void Should_Exit_2_When_The_Folds_Exceed_What_Cross_Validation_Can_Use()
    {
        // Given
        using var build = BuildProgram.QuickSample(("folds: 0 ", "folds: 1000000 "));

        // When
        var result = build.Run();

        // Then
        AssertRefusedBeforeTraining(build, result,
            $"{Pipeline}:110:10: 'training.folds' must be 0 (no cross-validation) or between 2 and 100, not 1000000.");
    }

    [Test]
    public void Should_Exit_2_When_A_Trainer_Parameter_Is_Outside_Its_Range()
    {
        // Given
        using var build = BuildProgram.QuickSample(("number_of_iterations: 60", "number_of_iterations: -5"));

        // When
        var result = build.Run();

        // Then
        AssertRefusedBeforeTraining(build, result,
            $"{Pipeline}:105:5: 'training.parameters.number_of_iterations' must be at least 0 for lightgbm, not -5.");
    }

    [Test]
    public void Should_Exit_2_When_The_Label_Never_Holds_The_Positive_Value()
    {
        // Given
        using var build = BuildProgram.QuickSample(("positive: \"1\"", "positive: \"yes\""));

        // When
        var result = build.Run();

        // Then
        AssertRefusedBeforeTraining(build, result,
            $"{Pipeline}:23:13: 'schema.positive' is 'yes', which the label column 'default' of data/credit.csv never holds; its values: {LabelCounts(build)}. "
            + "Set schema.positive to the value that marks the positive class.");
    }

    [Test]
    public void Should_Exit_2_When_The_Label_Never_Holds_The_Favourable_Value()
    {
        // Given
        using var build = BuildProgram.QuickSample(("favourable: \"0\"", "favourable: \"2\""));

        // When
        var result = build.Run();

        // Then
        AssertRefusedBeforeTraining(build, result,
            $"{Pipeline}:142:15: 'fairness.favourable' is '2', which the label column 'default' of data/credit.csv never holds; its values: {LabelCounts(build)}. "
            + "Set it to the label value that is the good outcome for the person.");
    }

    [Test]
    public void Should_Exit_2_When_The_Attribute_Never_Holds_The_Privileged_Value()
    {
        // Given
        using var build = BuildProgram.QuickSample(("privileged: { gender: male }", "privileged: { gender: males }"));

        // When
        var result = build.Run();

        // Then
        AssertRefusedBeforeTraining(build, result,
            $"{Pipeline}:145:17: 'fairness.privileged.gender' is 'males', which the column 'gender' of data/credit.csv never holds; its values: female, male, nonbinary.");
    }
}
