using MlOps.Models.Training;

namespace MlOps.Models.Tests.Training;

public class TrainerCatalogTests
{
    [Test]
    public void Should_Name_Parameters_In_Snake_Case_With_MlNet_Defaults()
    {
        // When
        var parameters = TrainerCatalog.Parameters("fasttree");

        // Then
        Assert.That(parameters.Single(p => p.Name == "number_of_leaves").Default, Is.EqualTo("20"));
        Assert.That(parameters.Single(p => p.Name == "learning_rate").Expected, Is.EqualTo("a number"));
        Assert.That(parameters.Select(p => p.Name), Does.Not.Contain("label_column_name").And.Not.Contain("verbose"));
    }

    [Test]
    public void Should_Offer_The_Booster_Parameters_Of_LightGbm()
    {
        // When
        var names = TrainerCatalog.Parameters("lightgbm").Select(p => p.Name);

        // Then
        Assert.That(names, Does.Contain("l2_regularization").And.Contain("number_of_leaves").And.Contain("feature_fraction"));
    }

    [Test]
    public void Should_Build_LightGbm_Histograms_Row_Wise_By_Default()
    {
        // When
        var parameters = TrainerCatalog.Parameters("lightgbm");

        // Then
        Assert.That(parameters.Single(p => p.Name == "force_row_wise").Default, Is.EqualTo("true"));
        Assert.That(parameters.Single(p => p.Name == "force_column_wise").Default, Is.EqualTo("false"));
    }

    [TestCase("true", true)]
    [TestCase("yes", false)]
    public void Should_Parse_Values_By_The_Parameter_Type(string text, bool parses)
    {
        // Given
        var parameter = TrainerCatalog.Parameters("lightgbm").Single(p => p.Name == "unbalanced_sets");

        // When
        var parsed = parameter.TryParse(text, out _);

        // Then
        Assert.That(parsed, Is.EqualTo(parses));
        Assert.That(parameter.Expected, Is.EqualTo("true or false"));
    }

    [Test]
    public void Should_Parse_Enum_Values_In_Snake_Case()
    {
        // Given
        var parameter = TrainerCatalog.Parameters("lightgbm").Single(p => p.Name == "evaluation_metric");

        // When
        var parsed = parameter.TryParse("area_under_curve", out var value);

        // Then
        Assert.That(parsed, Is.True);
        Assert.That(value!.ToString(), Is.EqualTo("AreaUnderCurve"));
    }

    [Test]
    public void Should_Refuse_An_Unknown_Trainer_Naming_The_Known_Ones()
    {
        // When
        var error = Assert.Throws<ArgumentException>(() => TrainerCatalog.Parameters("xgboost"));

        // Then
        Assert.That(error!.Message, Does.StartWith("Unknown trainer 'xgboost'; trainers: lightgbm, fasttree, sdca, lbfgs."));
    }

    [TestCaseSource(typeof(TrainerCatalog), nameof(TrainerCatalog.Names))]
    public void Should_Know_The_Range_Of_Every_Numeric_Parameter(string trainer)
    {
        // When
        var numeric = TrainerCatalog.Parameters(trainer).Where(p => p.Expected is "a number" or "a whole number");

        // Then
        Assert.That(numeric.Where(p => p.Range is null).Select(p => p.Name), Is.Empty, "a new ML.NET option needs its range in TrainerRanges");
    }

    [TestCase("lightgbm", "number_of_iterations", "-5", false)]
    [TestCase("lightgbm", "number_of_iterations", "0", true)]
    [TestCase("lightgbm", "feature_fraction", "0", false)]
    [TestCase("lightgbm", "feature_fraction", "1", true)]
    [TestCase("fasttree", "feature_fraction", "0", true)]
    [TestCase("lightgbm", "seed", "-3", true)]
    public void Should_Tell_Whether_A_Value_Is_In_The_Range_Of_Its_Trainer(string trainer, string name, string text, bool inRange)
    {
        // Given
        var parameter = TrainerCatalog.Parameters(trainer).Single(p => p.Name == name);
        Assert.That(parameter.TryParse(text, out var value), Is.True);

        // When
        var accepted = parameter.InRange(value!);

        // Then
        Assert.That(accepted, Is.EqualTo(inRange));
    }

    [Test]
    public void Should_Refuse_To_Build_A_Trainer_With_A_Value_Out_Of_Range()
    {
        // Given
        var options = new TrainingOptions { Trainer = "lightgbm", Parameters = new Dictionary<string, string> { ["number_of_iterations"] = "-5" } };

        // When
        var error = Assert.Throws<ArgumentException>(() => ModelTrainer.Train(SyntheticTable.Create(200), SyntheticTable.Schema, options));

        // Then
        Assert.That(error!.Message, Does.StartWith("Parameter 'number_of_iterations' must be at least 0 for lightgbm, not -5."));
    }

    // Each bound a range includes, as ML.NET itself must accept it: a range stricter than ML.NET's would show here.
    private static IEnumerable<TestCaseData> IncludedBounds() =>
        from trainer in TrainerCatalog.Names
        from parameter in TrainerCatalog.Parameters(trainer)
        where parameter.Range is { } range && range.MinIncluded && double.IsFinite(parameter.Range.Min)
        select new TestCaseData(trainer, parameter.Name, parameter.Range!.Min.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .SetArgDisplayNames(trainer, parameter.Name);

    [TestCaseSource(nameof(IncludedBounds))]
    public void Should_Train_With_A_Parameter_At_The_Lower_Bound_Of_Its_Range(string trainer, string name, string bound)
    {
        // Given
        var parameters = new Dictionary<string, string> { [name] = bound };
        var rounds = trainer switch { "lightgbm" => "number_of_iterations", "fasttree" => "number_of_trees", _ => "maximum_number_of_iterations" };
        parameters.TryAdd(rounds, "5");
        var options = new TrainingOptions { Trainer = trainer, Parameters = parameters };

        // When
        var model = ModelTrainer.Train(SyntheticTable.Create(200), SyntheticTable.Schema, options);

        // Then
        Assert.That(model.Metrics.Rows, Is.Positive, "trained and evaluated on the held-out rows");
    }
}
