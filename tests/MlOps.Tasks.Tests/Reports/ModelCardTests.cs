using System.Text.Json;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Fairness;
using MlOps.Tasks.Reports;
using MlOps.Tasks.Tests.Fairness;

namespace MlOps.Tasks.Tests.Reports;

public sealed class ModelCardTests
{
    [Test]
    public void Should_Have_Every_Section_Of_The_Template()
    {
        // When
        var card = ModelCard.Write(ReportExamples.Inputs());

        // Then
        Assert.That(card, Does.StartWith("# Model card: credit-scoring v3\n"));
        foreach (var section in new[] { "Model details", "Intended use", "Training data", "Performance", "Explainability", "Limitations", "Ethical considerations" })
        {
            Assert.That(card, Does.Contain($"\n## {section}\n"), section);
        }
    }

    [Test]
    public void Should_Fill_The_Sections_With_The_Numbers_Of_The_Run()
    {
        // Given
        var explanation = ReportExamples.Explanation(rows: 4, heldOut: 4);

        // When
        var card = ModelCard.Write(ReportExamples.Inputs(explanation));

        // Then
        Assert.That(card, Does.Contain("- Name: `credit-scoring_v3_20260101000000` (model `credit-scoring`, version 3)"));
        Assert.That(card, Does.Contain("number_of_iterations 200"));
        Assert.That(card, Does.Contain("from git commit `e66e330`"));
        Assert.That(card, Does.Contain("- Purpose: Predicts whether a credit applicant defaults within a year."));
        Assert.That(card, Does.Contain("age ≥ 18 and ≤ 100, income > 0"));
        Assert.That(card, Does.Contain("16,000 training rows, 4 held out"));
        Assert.That(card, Does.Contain("50.0 % of the held-out rows are `1`"));
        Assert.That(card, Does.Contain("| income | numeric: 167 missing values imputed with the mean |"));
        Assert.That(card, Does.Contain("| auc | 0.7123 |"));
        Assert.That(card, Does.Contain("Confusion matrix: 1 true positives, 1 false positives, 1 true negatives, 1 false negatives."));
        Assert.That(card, Does.Contain("Validate gate: FAILED, 0 of 1 checks passed"));
        Assert.That(card, Does.Contain("| income | 0.0931 | 0.0031 | 2 |"));
        Assert.That(card, Does.Contain("Per-prediction contributions: not available (no contributions here)."));
        Assert.That(card, Does.Contain("Permutation feature importance (ML.NET) on all 4 held-out rows, 3 permutations"));
        Assert.That(card, Does.Contain("expected calibration error 0.0261"));
        Assert.That(card, Does.Contain("'region' (invariance): 7 of 1000 cases failed, e.g. test row 10"));
        Assert.That(card, Does.Contain("Protected attribute `gender`: excluded from the features; gated by BiasCheck."));
        Assert.That(card, Does.Contain("- BiasCheck has not run: no fairness measurements."));
    }

    [Test]
    public void Should_State_The_Size_And_Seed_Of_The_Importance_Sample()
    {
        // Given
        var explanation = ReportExamples.Explanation(rows: 1000, heldOut: 4000);

        // When
        var card = ModelCard.Write(ReportExamples.Inputs(explanation));

        // Then
        Assert.That(card, Does.Contain("Permutation feature importance (ML.NET) on 1,000 of the 4,000 held-out rows (a sample, seed 42), 3 permutations:"));
    }

    [Test]
    public void Should_Describe_The_Search_When_Train_Swept()
    {
        // Given
        var inputs = SweepExamples.Inputs();

        // When
        var card = ModelCard.Write(inputs);

        // Then
        Assert.That(card, Does.Contain("\n### Hyper-parameter search\n\n- Objective: `auc` by cross-validation on the training rows, maximised; "
            + "sampler `tpe`, pruner `median`\n- Trials: 6 trials: 1 failed, 4 finished, 1 pruned\n- Best trial: 2, auc 0.8100; "));
        Assert.That(card, Does.Contain("| Setting | Value |\n| --- | --- |\n| trainer | lightgbm |\n| learning_rate | 0.05 |\n| number_of_leaves | 32 |\n"));
        Assert.That(card, Does.Contain("Parameter importance. " + SweepImportance.Method + "\n\n| Parameter | Importance |\n| --- | --- |\n"
            + "| learning_rate | 0.9901 |\n| number_of_leaves | 0.0099 |\n"));
        Assert.That(card, Does.Contain("`lightgbm` trainer; learning_rate 0.05, minimum_example_count_per_leaf 50, number_of_iterations 200, number_of_leaves 32;"));
        Assert.That(card.IndexOf("### Hyper-parameter search", StringComparison.Ordinal), Is.LessThan(card.IndexOf("## Intended use", StringComparison.Ordinal)));
    }

    [Test]
    public void Should_Have_No_Search_When_Train_Did_Not_Sweep()
    {
        // When
        var card = ModelCard.Write(ReportExamples.Inputs());

        // Then
        Assert.That(card, Does.Not.Contain("Hyper-parameter search").And.Not.Contain("Parameter importance"));
    }

    // A pipeline with fewer than two protected attributes has no intersection in fairness.json (a crash of Report, found
    // with a one-attribute pipeline in a repository made by the template).
    [TestCase(0)]
    [TestCase(1)]
    public void Should_Write_The_Card_And_The_Report_When_There_Is_No_Intersection(int attributes)
    {
        // Given
        var protectedColumns = new[] { ProtectedColumn.Categorical("gender", FairnessData.Groups) }.Take(attributes).ToList();
        var fairness = FairnessAnalysis.Analyze(FairnessData.Labels, FairnessData.Predictions, protectedColumns, FairnessData.NoLimits);
        var inputs = ReportExamples.Inputs() with { Fairness = JsonSerializer.SerializeToElement(fairness, ArtifactJson.Options) };

        // When
        var card = ModelCard.Write(inputs);
        var html = HtmlReport.Write(inputs);

        // Then
        Assert.That(card, Does.Contain("BiasCheck: within every limit"));
        Assert.That(html, Does.Contain("<h2>Fairness</h2>"));
        Assert.That(html, attributes == 0 ? Does.Not.Contain("By gender") : Does.Contain("By gender"));
    }
}
