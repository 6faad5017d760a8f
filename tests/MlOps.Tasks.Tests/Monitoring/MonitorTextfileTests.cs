using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Monitoring.Health;
using static MlOps.Tasks.Tests.Monitoring.MonitorReports;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class MonitorTextfileTests
{
    private static readonly MonitorReport Full = Report(
        DataOf(Column("income", drift: true, score: 0.01, psi: 0.3), Column("region"), Column("owner", skipped: "no values in the reference")),
        Concept(),
        Service());

    [Test]
    public void Should_Write_Text_Prometheus_Reads_With_Every_Gauge()
    {
        // When
        var samples = PrometheusText.Parse(MonitorTextfile.Write(Full));

        // Then
        Assert.That(samples.Select(s => s.Name).Distinct(), Is.EqualTo(new[]
        {
            "mlops_drift_dataset_drift", "mlops_drift_share", "mlops_drift_column_drift", "mlops_drift_column_score", "mlops_drift_column_psi",
            "mlops_concept_drift_detected", "mlops_concept_window_metric", "mlops_slo_breached", "mlops_monitor_breached", "mlops_monitor_last_run_timestamp_seconds",
        }));
        Assert.That(samples.Where(s => s.Name == "mlops_drift_column_drift").Select(s => (s.Label("column"), s.Label("method"), s.Value)),
            Is.EqualTo(new[] { ("income", "ks", 1.0), ("region", "ks", 0.0) }));
        Assert.That(samples.Single(s => s.Name == "mlops_drift_share").Value, Is.EqualTo(0.5));
        Assert.That(samples.Single(s => s.Name == "mlops_drift_dataset_drift").Value, Is.EqualTo(1));
        Assert.That(samples.Single(s => s.Name == "mlops_concept_drift_detected").Label("detector"), Is.EqualTo("page_hinkley"));
        Assert.That(samples.Where(s => s.Name == "mlops_slo_breached").Select(s => (s.Label("objective"), s.Value)),
            Is.EqualTo(new[] { ("max_error_rate", 1.0), ("p99_latency_ms", 0.0) }));
        Assert.That(samples.Single(s => s.Name == "mlops_monitor_last_run_timestamp_seconds").Value, Is.EqualTo(Time.ToUnixTimeMilliseconds() / 1000.0));
        Assert.That(samples.All(s => s.Label("model") == "credit-scoring"), Is.True);
    }

    [Test]
    public void Should_Write_Help_And_Type_Once_Per_Metric()
    {
        // When
        var lines = MonitorTextfile.Write(Full).Split('\n');

        // Then
        var help = lines.Where(l => l.StartsWith("# HELP ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        var type = lines.Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).ToList();
        Assert.That(help, Is.Unique);
        Assert.That(help, Has.Count.EqualTo(10));
        Assert.That(type, Is.EqualTo(help.Select(name => $"# TYPE {name} gauge")));
    }

    [Test]
    public void Should_Leave_Out_Skipped_Columns_And_The_Windows_Nan_Metrics()
    {
        // When
        var samples = PrometheusText.Parse(MonitorTextfile.Write(Full));

        // Then
        Assert.That(samples.Where(s => s.Name == "mlops_drift_column_score").Select(s => s.Label("column")), Is.EqualTo(new[] { "income", "region" }));
        Assert.That(samples.Where(s => s.Name == "mlops_concept_window_metric").Select(s => (s.Label("metric"), s.Value)),
            Is.EquivalentTo(new[] { ("auc", 0.75), ("accuracy", 0.625) }));
    }

    [Test]
    public void Should_Escape_Label_Values_So_They_Read_Back_As_Written()
    {
        // Given
        const string Odd = "say \"hi\" \\ bye\nnow";
        var report = Report(DataOf(Column(Odd)), model: "credit \"v2\" \\");

        // When
        var text = MonitorTextfile.Write(report);
        var samples = PrometheusText.Parse(text);

        // Then
        Assert.That(text, Does.Contain("column=\"say \\\"hi\\\" \\\\ bye\\nnow\""));
        Assert.That(samples.Where(s => s.Name == "mlops_drift_column_psi").Select(s => s.Label("column")), Is.EqualTo(new[] { Odd }));
        Assert.That(samples.Select(s => s.Label("model")).Distinct(), Is.EqualTo(new[] { "credit \"v2\" \\" }));
    }

    [Test]
    public void Should_Write_Nan_And_Infinities_As_Prometheus_Does()
    {
        // Given
        var report = Report(DataOf(Column("a", score: double.NaN, psi: double.PositiveInfinity), Column("b", score: double.NegativeInfinity)));

        // When
        var text = MonitorTextfile.Write(report);

        // Then
        Assert.That(text, Does.Contain("mlops_drift_column_score{model=\"credit-scoring\",column=\"a\",method=\"ks\"} NaN\n"));
        Assert.That(text, Does.Contain("mlops_drift_column_psi{model=\"credit-scoring\",column=\"a\"} +Inf\n"));
        Assert.That(text, Does.Contain("mlops_drift_column_score{model=\"credit-scoring\",column=\"b\",method=\"ks\"} -Inf\n"));
        Assert.That(PrometheusText.Parse(text).Where(s => s.Name == "mlops_drift_column_score").Select(s => s.Value), Is.EqualTo(new[] { double.NaN, double.NegativeInfinity }));
    }

    [Test]
    public void Should_Write_No_Concept_Or_Service_Gauges_Without_Them()
    {
        // When
        var text = MonitorTextfile.Write(Report(DataOf(Column("income"))));

        // Then
        Assert.That(text, Does.Not.Contain("mlops_concept_").And.Not.Contain("mlops_slo_"));
        Assert.That(text, Does.Contain("mlops_monitor_breached{model=\"credit-scoring\"} 0\n"));
    }
}
