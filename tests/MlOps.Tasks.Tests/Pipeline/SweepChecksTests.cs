using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Pipeline;

public sealed class SweepChecksTests
{
    // training.sweep starts on line 11; its space's first parameter stands on line 14.
    private static readonly string Head = PipelineYaml.Named("p").WithSchema("y", "x: numeric", "y: categorical").Then("training:\n  sweep:\n");

    private static string Space(string parameter, string trainer = "lightgbm") => $"    space:\n      {trainer}:\n        {parameter}\n";

    private static string LoadFails(string sweep)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + sweep);
        return Assert.Throws<InvalidFileException>(() => PipelineFile.Load(temp.Path, "pipelines/p.yaml"))!.Message;
    }

    [Test]
    public void Should_Read_The_Objective_The_Budget_And_The_Space()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + "    objective: log_loss\n    sampler: grid\n    trials: 8\n"
            + Space("number_of_leaves: { low: 4, high: 64, step: 20 }") + "      sdca:\n        l2_regularization: { choice: [0.1, 1] }\n");

        // When
        var sweep = PipelineFile.Load(temp.Path, "pipelines/p.yaml").Training.Sweep!;

        // Then
        Assert.That((sweep.Objective, sweep.Minimises, sweep.Sampler, sweep.Trials, sweep.Folds, sweep.Pruner),
            Is.EqualTo(("log_loss", true, SweepSampler.Grid, (int?)8, 3, SweepPruner.Median)));
        Assert.That(sweep.Space.Keys, Is.EqualTo(new[] { "lightgbm", "sdca" }));
        var leaves = sweep.Space["lightgbm"]["number_of_leaves"];
        Assert.That((leaves.Low, leaves.High, leaves.Step, leaves.Log, leaves.Choice), Is.EqualTo(((double?)4, (double?)64, (double?)20, false, (IReadOnlyList<string>?)null)));
        Assert.That(sweep.Space["sdca"]["l2_regularization"].Choice, Is.EqualTo(new[] { "0.1", "1" }));
    }

    [Test]
    public void Should_Maximise_A_Metric_Where_Higher_Is_Better_Unless_Told_Otherwise()
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + "    objective: recall\n" + Space("learning_rate: { low: 0.01, high: 0.3 }"));
        Assert.That(PipelineFile.Load(temp.Path, "pipelines/p.yaml").Training.Sweep!.Minimises, Is.False);
        temp.Write("pipelines/p.yaml", Head + "    objective: recall\n    direction: minimize\n" + Space("learning_rate: { low: 0.01, high: 0.3 }"));
        Assert.That(PipelineFile.Load(temp.Path, "pipelines/p.yaml").Training.Sweep!.Minimises, Is.True);
    }

    [TestCase("    objective: logloss\n", "pipelines/p.yaml:12:16: 'training.sweep.objective' names no metric: 'logloss'. Did you mean 'log_loss'? "
        + "Expected one of: auc, auc_pr, accuracy, precision, recall, f1, log_loss, brier, calibration_error.")]
    [TestCase("    trials: 0\n", "pipelines/p.yaml:12:13: 'training.sweep.trials' must be at least 1 (the most trials to run), not 0.")]
    [TestCase("    timeout: 0\n", "pipelines/p.yaml:12:14: 'training.sweep.timeout' must be a number of seconds above 0 and at most 31536000 (a year), not 0.")]
    [TestCase("    folds: 1\n",
        "pipelines/p.yaml:12:12: 'training.sweep.folds' must be between 2 and 100 (each trial is scored by cross-validation on the training rows), not 1.")]
    [TestCase("    parallel: 0\n", "pipelines/p.yaml:12:15: 'training.sweep.parallel' must be between 1 and 64 (trials run at once), not 0.")]
    [TestCase("    timeout: 1e12\n", "pipelines/p.yaml:12:14: 'training.sweep.timeout' must be a number of seconds above 0 and at most 31536000 (a year), not 1000000000000.")]
    [TestCase("    parallel: 1000\n", "pipelines/p.yaml:12:15: 'training.sweep.parallel' must be between 1 and 64 (trials run at once), not 1000.")]
    public void Should_Refuse_A_Bad_Objective_Or_Budget(string line, string message)
    {
        Assert.That(LoadFails(line + Space("learning_rate: { low: 0.01, high: 0.3 }")), Is.EqualTo(message));
    }

    [TestCase("learning_rate: { low: 0.3, high: 0.01 }", "pipelines/p.yaml:14:42: 'training.sweep.space.lightgbm.learning_rate' is inverted: low 0.3 is above high 0.01.")]
    [TestCase("learning_rate: { choice: [] }", "pipelines/p.yaml:14:34: 'training.sweep.space.lightgbm.learning_rate.choice' is empty; list at least one value.")]
    [TestCase("learning_rate: { low: 0, high: 0.3 }",
        "pipelines/p.yaml:14:31: 'training.sweep.space.lightgbm.learning_rate.low' must be greater than 0 for this parameter, not 0.")]
    [TestCase("learning_rate: { low: 0.01, high: 0.3, log: true, step: 0.01 }",
        "pipelines/p.yaml:14:65: 'training.sweep.space.lightgbm.learning_rate' has both log and step; use one (as Optuna does).")]
    [TestCase("number_of_leaves: { low: 2.5, high: 8 }",
        "pipelines/p.yaml:14:34: 'training.sweep.space.lightgbm.number_of_leaves.low' must be a whole number (number_of_leaves is one), not 2.5.")]
    [TestCase("number_of_leaves: { choice: [4, many] }",
        "pipelines/p.yaml:14:37: 'training.sweep.space.lightgbm.number_of_leaves.choice' holds 'many'; number_of_leaves must be a whole number.")]
    [TestCase("unbalanced_sets: { low: 0, high: 1 }",
        "pipelines/p.yaml:14:26: 'training.sweep.space.lightgbm.unbalanced_sets' is true or false; search it with choice: [...], not a range.")]
    [TestCase("number_of_leaves: { low: 4 }",
        "pipelines/p.yaml:14:27: 'training.sweep.space.lightgbm.number_of_leaves' needs low and high (a range), or choice: [...] (a list of values).")]
    [TestCase("number_of_iterations: { low: 10, high: 1e10 }",
        "pipelines/p.yaml:14:48: 'training.sweep.space.lightgbm.number_of_iterations.high' must be a number of at most 2147483647, not 10000000000.")]
    [TestCase("learning_rate: { low: 0.01, high: .inf }",
        "pipelines/p.yaml:14:43: 'training.sweep.space.lightgbm.learning_rate.high' must be a number of at most 3.4028234663852886E+38, not Infinity.")]
    [TestCase("number_of_leaves: { choice: [4, 04] }", "pipelines/p.yaml:14:37: 'training.sweep.space.lightgbm.number_of_leaves.choice' lists a value twice.")]
    [TestCase("number_of_threads: { choice: [1, 2] }",
        "pipelines/p.yaml:14:28: 'training.sweep.space.lightgbm.number_of_threads' cannot be searched: it changes the speed, not the model; set it in training.parameters.")]
    public void Should_Refuse_A_Range_That_Cannot_Be_Searched(string parameter, string message)
    {
        Assert.That(LoadFails(Space(parameter)), Is.EqualTo(message));
    }

    [Test]
    public void Should_Name_The_Parameters_Of_The_Trainer_When_One_Is_Unknown()
    {
        Assert.That(LoadFails(Space("l2_regularisation: { low: 0.1, high: 1 }", "sdca")), Is.EqualTo(
            "pipelines/p.yaml:14:28: Trainer 'sdca' has no parameter 'l2_regularisation' to search. Did you mean 'l2_regularization'? Its parameters: "
            + "bias_learning_rate, convergence_check_frequency, convergence_tolerance, l1_regularization, l2_regularization, "
            + "maximum_number_of_iterations, number_of_threads, positive_instance_weight, shuffle."));
    }

    [Test]
    public void Should_Name_The_Trainers_When_One_Is_Unknown()
    {
        Assert.That(LoadFails(Space("learning_rate: { low: 0.01, high: 0.3 }", "lightgmb")), Is.EqualTo(
            "pipelines/p.yaml:13:7: 'training.sweep.space' names an unknown trainer 'lightgmb'. Did you mean 'lightgbm'? Expected one of: lightgbm, fasttree, sdca, lbfgs."));
    }

    [Test]
    public void Should_Ask_For_A_Step_When_A_Grid_Searches_A_Continuous_Range()
    {
        Assert.That(LoadFails("    sampler: grid\n" + Space("learning_rate: { low: 0.01, high: 0.3 }")), Is.EqualTo(
            "pipelines/p.yaml:15:31: 'training.sweep.space.lightgbm.learning_rate' needs a step, or choice: [...], for a grid sweep: a grid tries listed values only."));
    }

    [Test]
    public void Should_Refuse_A_Grid_Too_Large_To_Shuffle()
    {
        Assert.That(LoadFails("    sampler: grid\n" + Space("number_of_leaves: { low: 2, high: 100000 }") + "        number_of_iterations: { low: 1, high: 100 }\n"),
            Is.EqualTo("pipelines/p.yaml:14:7: 'training.sweep.space' is a grid of 9,999,900 combinations, more than 1,000,000; "
                + "give the ranges larger steps or fewer choices, or use sampler: random or tpe with a trial budget."));
    }

    [Test]
    public void Should_Refuse_A_Trainer_With_Nothing_To_Search()
    {
        Assert.That(LoadFails("    space:\n      lightgbm: {}\n"), Is.EqualTo("pipelines/p.yaml:13:7: 'training.sweep.space.lightgbm' names no parameter to search; "
            + "add one, e.g. learning_rate: { low: 0.01, high: 0.3, log: true }."));
    }

    [Test]
    public void Should_Refuse_Trainer_Threads_Beside_Parallel_Trials()
    {
        // Given: training.parameters before the sweep, which starts on line 13 here
        using var temp = new TempDirectory();
        var text = PipelineYaml.Named("p").WithSchema("y", "x: numeric", "y: categorical")
            .Then("training:\n  parameters: { number_of_threads: 2 }\n  sweep:\n    parallel: 2\n" + Space("learning_rate: { low: 0.01, high: 0.3 }"));
        temp.Write("pipelines/p.yaml", text);

        // When
        var error = Assert.Throws<InvalidFileException>(() => PipelineFile.Load(temp.Path, "pipelines/p.yaml"))!.Message;

        // Then
        Assert.That(error, Is.EqualTo("pipelines/p.yaml:11:17: 'training.parameters.number_of_threads' is 2 while 'training.sweep.parallel' runs 2 trials at once; "
            + "parallel trials each run one thread: set one of them to 1."));
    }

    [Test]
    public void Should_Refuse_An_Empty_Space()
    {
        Assert.That(LoadFails("    space: {}\n"), Is.EqualTo("pipelines/p.yaml:12:12: 'training.sweep.space' is empty; name a trainer and the parameters to search, "
            + "e.g. lightgbm: { learning_rate: { low: 0.01, high: 0.3, log: true } }."));
    }
}
