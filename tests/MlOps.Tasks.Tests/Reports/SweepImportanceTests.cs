using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Reports;
using MlOps.Tasks.Training;

namespace MlOps.Tasks.Tests.Reports;

public sealed class SweepImportanceTests
{
    [Test]
    public void Should_Give_The_Trainer_All_The_Importance_When_Only_The_Trainer_Changes_The_Objective()
    {
        // Given
        var space = new Dictionary<string, IReadOnlyDictionary<string, SearchRangeSection>>
        {
            ["lightgbm"] = new Dictionary<string, SearchRangeSection> { ["learning_rate"] = new() { Low = 0.01, High = 0.3 } },
            ["sdca"] = new Dictionary<string, SearchRangeSection> { ["l2_regularization"] = new() { Choice = ["0.1", "1"] } },
        };
        var training = ReportExamples.Inputs().Pipeline.Training with { Sweep = new SweepSection { Space = space } };
        var history = new SweepHistory("log_loss", Minimises: true,
        [
            Trial(0, "lightgbm", "learning_rate", "0.05", 0.4),
            Trial(1, "lightgbm", "learning_rate", "0.2", 0.4),
            Trial(2, "sdca", "l2_regularization", "0.1", 0.6),
            Trial(3, "sdca", "l2_regularization", "1", 0.6),
        ], BestTrial: 0);

        // When
        var importance = SweepImportance.Of(training, history);

        // Then
        Assert.That(importance, Is.EqualTo(new[]
        {
            new SweepImportance("trainer", 1), new SweepImportance("lightgbm.learning_rate", 0), new SweepImportance("sdca.l2_regularization", 0),
        }));
    }

    [Test]
    public void Should_Have_None_When_The_Pipeline_File_No_Longer_Sweeps()
    {
        // Given
        var inputs = SweepExamples.Inputs();
        var training = inputs.Pipeline.Training with { Sweep = null };

        // When
        var importance = SweepImportance.Of(training, inputs.Sweep!);

        // Then
        Assert.That(importance, Is.Empty);
    }

    private static TrialRecord Trial(int number, string trainer, string parameter, string value, double loss) =>
        new(number, $"trial{number}", "finished", new Dictionary<string, string> { ["trainer"] = trainer, [parameter] = value }, loss, 3);
}
