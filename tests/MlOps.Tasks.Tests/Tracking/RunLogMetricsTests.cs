using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class RunLogMetricsTests(Engine engine)
{
    [Test]
    public void Should_Keep_The_History_By_Step_In_The_Order_Logged()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.Store.Runs.StartRun("credit-scoring");

        // When
        fixture.Store.Runs.LogMetric(run.Id, "loss", 0.9, step: 1);
        fixture.Store.Runs.LogMetric(run.Id, "loss", 0.7, step: 0);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        fixture.Store.Runs.LogMetric(run.Id, "loss", 0.5, step: 1);
        fixture.Store.Runs.LogMetric(run.Id, "auc", 0.8);

        // Then
        var logged = TestStore.Start;
        Assert.That(fixture.Store.Runs.MetricHistory(run.Id, "loss"), Is.EqualTo(new[]
        {
            new MetricPoint("loss", 0.7, 0, logged),
            new MetricPoint("loss", 0.9, 1, logged),
            new MetricPoint("loss", 0.5, 1, logged.AddSeconds(1)),
        }));
    }

    [Test]
    public void Should_Report_The_Value_At_The_Highest_Step_As_Latest()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.Store.Runs.StartRun("credit-scoring");

        // When
        fixture.Store.Runs.LogMetrics(run.Id, new Dictionary<string, double> { ["loss"] = 0.4, ["auc"] = 0.81 }, step: 3);
        fixture.Store.Runs.LogMetrics(run.Id, new Dictionary<string, double> { ["loss"] = 0.6, ["auc"] = 0.75 }, step: 2);
        fixture.Store.Runs.LogMetric(run.Id, "auc", 0.83, step: 3);

        // Then
        Assert.That(fixture.Store.Runs.FindRun(run.Id)!.Metrics, Is.EqualTo(new Dictionary<string, double> { ["auc"] = 0.83, ["loss"] = 0.4 }));
    }

    [Test]
    public void Should_Keep_NaN_And_Infinities()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.Store.Runs.StartRun("credit-scoring");

        // When
        fixture.Store.Runs.LogMetric(run.Id, "log_loss", double.NaN, step: 0);
        fixture.Store.Runs.LogMetric(run.Id, "log_loss", double.PositiveInfinity, step: 1);
        fixture.Store.Runs.LogMetric(run.Id, "log_loss", double.NegativeInfinity, step: 2);

        // Then
        Assert.That(fixture.Store.Runs.MetricHistory(run.Id, "log_loss").Select(point => point.Value),
            Is.EqualTo(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity }));
    }

    [Test]
    public void Should_Return_An_Empty_History_For_A_Metric_Never_Logged()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.Store.Runs.StartRun("credit-scoring");

        // When
        var history = fixture.Store.Runs.MetricHistory(run.Id, "auc");

        // Then
        Assert.That(history, Is.Empty);
    }

    [Test]
    public void Should_Refuse_A_Metric_For_A_Run_That_Does_Not_Exist()
    {
        // Given
        using var fixture = new TestStore(engine);

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Store.Runs.LogMetric("0123456789abcdef0123456789abcdef", "auc", 0.8));

        // Then
        Assert.That(error.Message, Is.EqualTo($"Run '0123456789abcdef0123456789abcdef' does not exist in {fixture.Store.Database}."));
    }
}
