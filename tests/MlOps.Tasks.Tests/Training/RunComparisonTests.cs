using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Training;

public sealed class RunComparisonTests
{
    private static RunRecord Run(Dictionary<string, string> parameters, Dictionary<string, double> metrics) =>
        new("r", "m", null, RunStatus.Finished, DateTimeOffset.UnixEpoch, null, parameters, metrics, new Dictionary<string, string>(), []);

    [Test]
    public void Should_List_Changed_Params_And_Every_Metric_With_Its_Change()
    {
        // Given
        var from = Run(new() { ["trainer"] = "lightgbm", ["leaves"] = "15", ["gone"] = "x" }, new() { ["auc"] = 0.70, ["old"] = 1 });
        var to = Run(new() { ["trainer"] = "lightgbm", ["leaves"] = "31" }, new() { ["auc"] = 0.72 });

        // When
        var comparison = RunComparison.Of(from, to);

        // Then
        Assert.That(comparison.Params, Is.EqualTo(new[] { new ParamDifference("gone", "x", null), new ParamDifference("leaves", "15", "31") }));
        Assert.That(comparison.Metrics.Select(m => (m.Name, m.Change)), Is.EqualTo(new (string, double?)[] { ("auc", 0.72 - 0.70), ("old", null) }));
    }
}
