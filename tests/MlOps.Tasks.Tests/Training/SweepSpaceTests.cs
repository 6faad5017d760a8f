using MlOps.Models.Sweeps;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Training;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Training;

public sealed class SweepSpaceTests
{
    private static TrainingSection Load(string training)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", PipelineYaml.Named("p").WithSchema("y", "x: numeric", "y: categorical").Then("training:\n" + training));
        return PipelineFile.Load(temp.Path, "pipelines/p.yaml").Training;
    }

    [Test]
    public void Should_Search_One_Trainers_Parameters_Over_Its_Fixed_Ones()
    {
        // Given
        var training = Load("  parameters: { number_of_iterations: 200, learning_rate: 0.05 }\n  sweep:\n"
            + "    space: { lightgbm: { learning_rate: { low: 0.01, high: 0.3, log: true }, number_of_leaves: { choice: [4, 15] } } }\n");

        // When
        var space = new SweepSpace(training);
        var options = space.Options(new Dictionary<string, string> { ["lightgbm.learning_rate"] = "0.1", ["lightgbm.number_of_leaves"] = "4" });

        // Then
        Assert.That(space.Space.Dimensions.Select(d => (d.Name, d.Kind, d.Log, d.Trainer)), Is.EqualTo(new[]
        {
            ("lightgbm.learning_rate", DimensionKind.Float, true, (string?)null),
            ("lightgbm.number_of_leaves", DimensionKind.Choice, false, null),
        }));
        Assert.That(options.Trainer, Is.EqualTo("lightgbm"));
        Assert.That(options.Parameters, Is.EqualTo(new Dictionary<string, string>
        {
            ["number_of_iterations"] = "200", ["learning_rate"] = "0.1", ["number_of_leaves"] = "4",
        }));
    }

    [Test]
    public void Should_Make_The_Trainer_A_Choice_When_The_Space_Names_Several()
    {
        // Given: lightgbm's fixed parameters do not apply to sdca
        var training = Load("  parameters: { number_of_iterations: 200 }\n  sweep:\n"
            + "    space:\n      lightgbm: { number_of_leaves: { low: 4, high: 64 } }\n      sdca: { l2_regularization: { low: 0.001, high: 1, log: true } }\n");

        // When
        var space = new SweepSpace(training);
        var values = new Dictionary<string, string> { ["trainer"] = "sdca", ["sdca.l2_regularization"] = "0.5" };

        // Then
        Assert.That(space.Space.Dimensions.Select(d => (d.Name, d.Kind, d.Trainer)), Is.EqualTo(new[]
        {
            ("trainer", DimensionKind.Choice, (string?)null),
            ("lightgbm.number_of_leaves", DimensionKind.Int, "lightgbm"),
            ("sdca.l2_regularization", DimensionKind.Float, "sdca"),
        }));
        Assert.That(space.Options(values).Parameters, Is.EqualTo(new Dictionary<string, string> { ["l2_regularization"] = "0.5" }));
        Assert.That(space.Params(values), Is.EqualTo(new Dictionary<string, string> { ["trainer"] = "sdca", ["l2_regularization"] = "0.5" }));
    }
}
