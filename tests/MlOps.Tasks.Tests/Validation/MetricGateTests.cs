using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Validation;

namespace MlOps.Tasks.Tests.Validation;

public sealed class MetricGateTests
{
    private static readonly Dictionary<string, double> Metrics = new() { ["auc"] = 0.72, ["log_loss"] = 0.55 };

    [Test]
    public void Should_Pass_Bounds_That_Hold_And_Fail_Those_That_Do_Not()
    {
        // Given
        var validation = new ValidationSection { Min = new Dictionary<string, double> { ["auc"] = 0.8 }, Max = new Dictionary<string, double> { ["log_loss"] = 0.6 } };

        // When
        var checks = MetricGate.Check(validation, Metrics, champion: null);

        // Then
        Assert.That(checks.Select(c => (c.Check, c.Passed)), Is.EqualTo(new[] { ("auc >= 0.8", false), ("log_loss <= 0.6", true) }));
        Assert.That(checks[0].Message, Is.EqualTo("auc 0.7200 is below the minimum 0.8 ()"));
    }

    [Test]
    public void Should_Measure_Regression_In_The_Worse_Direction_Of_Each_Metric()
    {
        // Given
        var validation = new ValidationSection { MaxRegression = new Dictionary<string, double> { ["auc"] = 0.01, ["log_loss"] = 0.01 } };
        var champion = new Champion(3, 4, 1234, new Dictionary<string, double> { ["auc"] = 0.70, ["log_loss"] = 0.50 }, Metrics);

        // When
        var checks = MetricGate.Check(validation, Metrics, champion);

        // Then
        Assert.That(checks.Select(c => c.Passed), Is.EqualTo(new[] { true, false }));
        Assert.That(checks[0].Value, Is.EqualTo(-0.02).Within(1e-12));
        Assert.That(checks[1].Message, Is.EqualTo(
            "log_loss 0.5500 is 0.0500 worse than production v3 (0.5000) on the 1,234 held-out rows neither v3 nor v4 trained on; the allowed regression is 0.01 ()"));
    }

    [Test]
    public void Should_Hold_The_Challenger_To_The_Champion_On_The_Rows_Neither_Trained_On_Only()
    {
        // Given: on all its held-out rows the candidate looks better than on those the champion also held out
        var validation = new ValidationSection { MaxRegression = new Dictionary<string, double> { ["auc"] = 0.01 } };
        var champion = new Champion(3, 4, 900, new Dictionary<string, double> { ["auc"] = 0.74 }, new Dictionary<string, double> { ["auc"] = 0.71 });

        // When
        var checks = MetricGate.Check(validation, Metrics, champion);

        // Then
        Assert.That(checks.Single().Passed, Is.False);
        Assert.That(checks.Single().Value, Is.EqualTo(0.03).Within(1e-12));
        Assert.That(checks.Single().Message, Is.EqualTo(
            "auc 0.7100 is 0.0300 worse than production v3 (0.7400) on the 900 held-out rows neither v3 nor v4 trained on; the allowed regression is 0.01 ()"));
    }

    [Test]
    public void Should_Refuse_A_Comparison_Without_Rows_Neither_Version_Trained_On()
    {
        // Given
        var validation = new ValidationSection { MaxRegression = new Dictionary<string, double> { ["auc"] = 0.01 } };
        var none = new Dictionary<string, double>();
        var champion = new Champion(3, 4, 0, none, none, "v3 recorded no held-out rows");

        // When
        var checks = MetricGate.Check(validation, Metrics, champion);

        // Then
        Assert.That(checks.Select(c => (c.Check, c.Passed)), Is.EqualTo(new[] { ("comparison with production v3", false) }));
        Assert.That(checks.Single().Message, Is.EqualTo("v4 cannot be held to production v3: v3 recorded no held-out rows; point production at a version "
            + "trained since (./build.sh --target=SetAlias --alias=production --version=<v>) or remove validation.max_regression ()"));
    }
}
