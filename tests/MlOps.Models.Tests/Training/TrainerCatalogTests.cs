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
}
