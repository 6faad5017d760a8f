using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Pipeline;

public sealed class TrainingChecksTests
{
    private static readonly string Head = PipelineYaml.Named("p").WithSchema("y", "x: numeric", "y: categorical").Then("training:\n");

    private static string LoadFails(string training)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + training);
        return Assert.Throws<InvalidFileException>(() => PipelineFile.Load(temp.Path, "pipelines/p.yaml"))!.Message;
    }

    [Test]
    public void Should_Read_The_Trainer_And_Its_Parameters()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + "  trainer: fasttree\n  parameters:\n    number_of_trees: 50\n  folds: 3\n");

        // When
        var training = PipelineFile.Load(temp.Path, "pipelines/p.yaml").Training;

        // Then
        Assert.That(training.Trainer, Is.EqualTo("fasttree"));
        Assert.That(training.Parameters, Is.EqualTo(new Dictionary<string, string> { ["number_of_trees"] = "50" }));
        Assert.That(training.LocationOf("parameters.number_of_trees")!.ToString(), Is.EqualTo("pipelines/p.yaml:13:5"));
    }

    [Test]
    public void Should_Name_The_Trainers_When_One_Is_Unknown()
    {
        Assert.That(LoadFails("  trainer: lightgmb\n"), Is.EqualTo(
            "pipelines/p.yaml:11:12: Unknown trainer 'lightgmb' in 'training.trainer'. Did you mean 'lightgbm'? Expected one of: lightgbm, fasttree, sdca, lbfgs."));
    }

    [Test]
    public void Should_Name_The_Parameters_When_One_Is_Unknown()
    {
        Assert.That(LoadFails("  trainer: sdca\n  parameters:\n    l2_regularisation: 0.1\n"), Is.EqualTo(
            "pipelines/p.yaml:13:5: Trainer 'sdca' has no parameter 'l2_regularisation'. Did you mean 'l2_regularization'? Its parameters: "
            + "bias_learning_rate, convergence_check_frequency, convergence_tolerance, l1_regularization, l2_regularization, "
            + "maximum_number_of_iterations, number_of_threads, positive_instance_weight, shuffle."));
    }

    [TestCase("number_of_leaves: many", "'training.parameters.number_of_leaves' must be a whole number, not 'many'.")]
    [TestCase("learning_rate: fast", "'training.parameters.learning_rate' must be a number, not 'fast'.")]
    [TestCase("unbalanced_sets: maybe", "'training.parameters.unbalanced_sets' must be true or false, not 'maybe'.")]
    public void Should_Say_What_A_Parameter_Value_Must_Be(string line, string message)
    {
        Assert.That(LoadFails($"  parameters:\n    {line}\n"), Is.EqualTo($"pipelines/p.yaml:12:5: {message}"));
    }

    [TestCase("test_fraction: 1", "pipelines/p.yaml:11:18: 'training.test_fraction' must be between 0 and 1 (e.g. 0.2 holds out a fifth of the rows), not 1.")]
    [TestCase("folds: 1", "pipelines/p.yaml:11:10: 'training.folds' must be 0 (no cross-validation) or between 2 and 100, not 1.")]
    [TestCase("folds: 1000000", "pipelines/p.yaml:11:10: 'training.folds' must be 0 (no cross-validation) or between 2 and 100, not 1000000.")]
    [TestCase("max_one_hot: 0", "pipelines/p.yaml:11:16: 'training.max_one_hot' must be at least 1, not 0.")]
    [TestCase("exclude: [z]", "pipelines/p.yaml:11:12: 'training.exclude' names 'z', which is not in schema.columns.")]
    [TestCase("exclude: [y]", "pipelines/p.yaml:11:12: 'training.exclude' names 'y', which is the label.")]
    public void Should_Refuse_Unusable_Settings(string line, string message)
    {
        Assert.That(LoadFails($"  {line}\n"), Is.EqualTo(message));
    }

    [TestCase("lightgbm", "number_of_iterations: -5", "at least 0")]
    [TestCase("lightgbm", "learning_rate: 0", "greater than 0")]
    [TestCase("lightgbm", "feature_fraction: 1.5", "greater than 0 and at most 1")]
    [TestCase("lightgbm", "number_of_leaves: 1", "between 2 and 131072")]
    [TestCase("lightgbm", "number_of_threads: 0", "at least 1")]
    [TestCase("fasttree", "number_of_trees: 0", "at least 1")]
    [TestCase("fasttree", "gain_confidence_level: 1", "at least 0 and less than 1")]
    [TestCase("sdca", "convergence_tolerance: 0", "greater than 0 and at most 1")]
    [TestCase("lbfgs", "history_size: 0", "at least 1")]
    [TestCase("lbfgs", "l2_regularization: -0.1", "at least 0")]
    public void Should_Refuse_A_Parameter_Outside_The_Range_MLNet_Accepts(string trainer, string line, string range)
    {
        // Given
        var name = line[..line.IndexOf(':', StringComparison.Ordinal)];
        var value = line[(name.Length + 2)..];

        // When
        var message = LoadFails($"  trainer: {trainer}\n  parameters:\n    {line}\n");

        // Then
        Assert.That(message, Is.EqualTo($"pipelines/p.yaml:13:5: 'training.parameters.{name}' must be {range} for {trainer}, not {value}."));
    }

    [Test]
    public void Should_Accept_The_Bounds_Of_A_Range()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + "  parameters:\n    number_of_iterations: 0\n    number_of_leaves: 131072\n    feature_fraction: 1\n  folds: 100\n");

        // When
        var training = PipelineFile.Load(temp.Path, "pipelines/p.yaml").Training;

        // Then
        Assert.That(training.Parameters, Has.Count.EqualTo(3));
    }
}
