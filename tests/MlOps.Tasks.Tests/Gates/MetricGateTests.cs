using MlOps.Tasks.Gates;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Gates;

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
        var champion = new Champion(3, new Dictionary<string, double> { ["auc"] = 0.70, ["log_loss"] = 0.50 });

        // When
        var checks = MetricGate.Check(validation, Metrics, champion);

        // Then
        Assert.That(checks.Select(c => c.Passed), Is.EqualTo(new[] { true, false }));
        Assert.That(checks[0].Value, Is.EqualTo(-0.02).Within(1e-12));
        Assert.That(checks[1].Message, Is.EqualTo("log_loss 0.5500 is 0.0500 worse than production v3 (0.5000); the allowed regression is 0.01 ()"));
    }
}
