using MlOps.Tasks.Monitoring.Dashboards;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MlOps.Tasks.Tests.Monitoring.Dashboards;

public sealed class PrometheusAlertRulesTests
{
    private const string Served = "and on (job, instance) mlops_model_info{model=\"credit-scoring\"}";

    private static readonly string[] Always = ["ModelServerDown", "ModelDatasetDrift", "ModelColumnDrift", "ModelConceptDrift", "ModelMonitorStale"];

    private static RulesFile Rules(string yaml) => Parse(PrometheusAlertRules.Generate(MonitoringPipelines.Load(yaml)));

    // Unknown keys fail the parse, so this also checks that the file holds nothing else.
    private static RulesFile Parse(string rules) =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<RulesFile>(rules);

    private static Rule Alert(RulesFile file, string name) => file.Groups.SelectMany(g => g.Rules).Single(r => r.Alert == name);

    [Test]
    public void Should_Write_Groups_Of_Rules_With_Severity_And_Annotations()
    {
        // When
        var file = Rules(MonitoringPipelines.Full);

        // Then
        Assert.That(file.Groups.Select(g => g.Name), Is.EqualTo(new[] { "mlops-credit-scoring-serving", "mlops-credit-scoring-monitor" }));
        var rules = file.Groups.SelectMany(g => g.Rules).ToList();
        Assert.That(rules.Select(r => r.Alert), Is.Unique);
        Assert.That(rules.Select(r => r.Labels["severity"]), Is.All.AnyOf("critical", "warning"));
        Assert.That(rules.Select(r => r.Labels["model"]), Is.All.EqualTo("credit-scoring"));
        Assert.That(rules.Select(r => r.For), Is.All.Match("^[0-9]+[smh]$"));
        Assert.That(rules.Select(r => r.Annotations.Keys.Order(StringComparer.Ordinal)), Is.All.EqualTo(new[] { "description", "summary" }));
        Assert.That(rules.Select(r => r.Annotations["description"]), Is.All.Contain(MonitoringPipelines.File));
    }

    [Test]
    public void Should_Alert_On_Each_Objective_That_Is_Set()
    {
        // When
        var file = Rules(MonitoringPipelines.Full);

        // Then
        Assert.That(file.Groups[0].Rules.Select(r => r.Alert), Is.EqualTo(new[]
        {
            "ModelServerDown", "ModelLatencyP50High", "ModelLatencyP99High", "ModelErrorRateHigh", "ModelRejectedRateHigh", "ModelRequestRateLow",
        }));
        var p99 = Alert(file, "ModelLatencyP99High");
        Assert.That(p99.Expr, Is.EqualTo($"histogram_quantile(0.99, sum by (le) (rate(mlops_request_duration_seconds_bucket[5m]) {Served})) > 0.25"));
        Assert.That(p99.For, Is.EqualTo("10m"));
        Assert.That(p99.Annotations["summary"], Is.EqualTo("p99 latency of credit-scoring is {{ $value | humanizeDuration }}, above the limit 250 ms"));
        Assert.That(p99.Annotations["description"], Is.EqualTo(
            $"p99 latency over the last 5m is above the limit 250 ms, " +
            $"set by monitoring.slo.p99_latency_ms at {MonitoringPipelines.LocationOf(MonitoringPipelines.Full, "p99_latency_ms")}."));
        Assert.That(Alert(file, "ModelErrorRateHigh").Expr, Is.EqualTo(
            $"(sum(rate(mlops_requests_total{{status=~\"5..\"}}[5m]) {Served}) or vector(0)) / sum(rate(mlops_requests_total[5m]) {Served}) > 0.01"));
        Assert.That(Alert(file, "ModelErrorRateHigh").Annotations["summary"], Does.EndWith("above the limit 0.01 (1 %)"));
        Assert.That(Alert(file, "ModelRequestRateLow").Expr, Is.EqualTo($"sum(rate(mlops_requests_total[5m]) {Served}) < 0.5"));
        Assert.That(Alert(file, "ModelWindowAccuracyLow").Expr, Is.EqualTo("mlops_concept_window_metric{model=\"credit-scoring\",metric=\"accuracy\"} < 0.65"));
    }

    [Test]
    public void Should_Not_Alert_On_An_Objective_That_Is_Not_Set()
    {
        // When
        var bare = Rules(MonitoringPipelines.Bare);
        var p99Only = Rules(MonitoringPipelines.P99Only);

        // Then
        Assert.That(bare.Groups.SelectMany(g => g.Rules).Select(r => r.Alert), Is.EqualTo(Always));
        Assert.That(p99Only.Groups.SelectMany(g => g.Rules).Select(r => r.Alert), Is.EquivalentTo(Always.Append("ModelLatencyP99High")));
        Assert.That(Alert(p99Only, "ModelLatencyP99High").Expr, Does.EndWith(" > 0.3"));
    }

    [Test]
    public void Should_Watch_The_Server_And_Monitor_Whatever_The_File_Sets()
    {
        // When
        var file = Rules(MonitoringPipelines.Bare);

        // Then
        Assert.That(Alert(file, "ModelServerDown").Expr, Is.EqualTo("absent(mlops_model_info{model=\"credit-scoring\"})"));
        Assert.That(Alert(file, "ModelDatasetDrift").Expr, Is.EqualTo("mlops_drift_dataset_drift{model=\"credit-scoring\"} == 1"));
        Assert.That(Alert(file, "ModelDatasetDrift").Annotations["description"], Does.StartWith("At Monitor's last run at least 50 % of the tested columns drifted"));
        Assert.That(Alert(file, "ModelConceptDrift").Expr, Is.EqualTo("mlops_concept_drift_detected{model=\"credit-scoring\"} == 1"));
        Assert.That(Alert(file, "ModelMonitorStale").Expr, Is.EqualTo("time() - mlops_monitor_last_run_timestamp_seconds{model=\"credit-scoring\"} > 172800"));
        Assert.That(Always.Select(a => Alert(file, a).Labels["severity"]), Is.EqualTo(new[] { "critical", "critical", "warning", "critical", "warning" }));
    }

    [TestCase(nameof(MonitoringPipelines.Full), TestName = "{m}(Full)")]
    [TestCase(nameof(MonitoringPipelines.Bare), TestName = "{m}(Bare)")]
    public void Should_Ask_Only_For_Series_That_Exist(string pipeline)
    {
        // When
        var exprs = Rules(MonitoringPipelines.Named(pipeline)).Groups.SelectMany(g => g.Rules).Select(r => r.Expr).ToList();

        // Then
        foreach (var expr in exprs)
        {
            KnownMetrics.AssertExists(expr);
        }
    }

    [Test]
    public void Should_Give_The_Same_Bytes_For_The_Same_Pipeline()
    {
        // When
        var first = PrometheusAlertRules.Generate(MonitoringPipelines.Load(MonitoringPipelines.Full));
        var second = PrometheusAlertRules.Generate(MonitoringPipelines.Load(MonitoringPipelines.Full));

        // Then
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.StartWith($"# Generated from {MonitoringPipelines.File}").And.Not.Contain("\r").And.EndWith("\n"));
    }

    private sealed class RulesFile
    {
        public List<Group> Groups { get; init; } = [];
    }

    private sealed class Group
    {
        public string Name { get; init; } = "";

        public List<Rule> Rules { get; init; } = [];
    }

    private sealed class Rule
    {
        public string Alert { get; init; } = "";

        public string Expr { get; init; } = "";

        public string For { get; init; } = "";

        public Dictionary<string, string> Labels { get; init; } = [];

        public Dictionary<string, string> Annotations { get; init; } = [];
    }
}
