using System.Text.Json.Nodes;
using MlOps.Tasks.Monitoring.Dashboards;

namespace MlOps.Tasks.Tests.Monitoring.Dashboards;

public sealed class GrafanaDashboardTests
{
    private static JsonObject Dashboard(string yaml) =>
        JsonNode.Parse(GrafanaDashboard.Generate(MonitoringPipelines.Load(yaml)))!.AsObject();

    private static JsonObject[] Panels(JsonObject dashboard) =>
        dashboard["panels"]!.AsArray().Select(p => p!.AsObject()).Where(p => (string?)p["type"] != "row").ToArray();

    private static JsonObject Panel(JsonObject dashboard, string title) =>
        Panels(dashboard).Single(p => (string?)p["title"] == title);

    private static IEnumerable<string> Exprs(JsonObject dashboard) =>
        Panels(dashboard).SelectMany(p => p["targets"]!.AsArray()).Select(t => (string)t!["expr"]!);

    /// <summary>The threshold lines a panel draws on one series: the steps' values, the base step's colour first.</summary>
    private static string[] Line(JsonObject panel, string matcher)
    {
        var matched = panel["fieldConfig"]!["overrides"]!.AsArray().Single(o => (string?)o!["matcher"]!["options"] == matcher)!;
        var thresholds = matched["properties"]!.AsArray().Single(p => (string?)p!["id"] == "thresholds")!["value"]!;
        return thresholds["steps"]!.AsArray().Select(s => $"{s!["color"]} {s["value"]?.ToJsonString() ?? "-"}").ToArray();
    }

    [Test]
    public void Should_Write_A_Dashboard_With_A_Prometheus_Data_Source_Variable()
    {
        // When
        var dashboard = Dashboard(MonitoringPipelines.Full);

        // Then
        Assert.That((int)dashboard["schemaVersion"]!, Is.EqualTo(39));
        Assert.That((string?)dashboard["uid"], Is.EqualTo("mlops-credit-scoring"));
        Assert.That((string?)dashboard["description"], Does.Contain(MonitoringPipelines.File));
        var variable = dashboard["templating"]!["list"]!.AsArray().Single()!;
        Assert.That(((string?)variable["name"], (string?)variable["type"], (string?)variable["query"]), Is.EqualTo(("datasource", "datasource", "prometheus")));
        Assert.That(Panels(dashboard).SelectMany(p => p["targets"]!.AsArray().Select(t => t!["datasource"]).Append(p["datasource"])).Select(d => (string?)d!["uid"]),
            Is.All.EqualTo("${datasource}"));
    }

    [Test]
    public void Should_Show_Traffic_Errors_Latency_Answers_Drift_And_Monitor()
    {
        // When
        var dashboard = Dashboard(MonitoringPipelines.Bare);

        // Then
        Assert.That(Panels(dashboard).Select(p => (string?)p["title"]), Is.EqualTo(new[]
        {
            "Requests", "Errors and rejections", "Latency", "Score distribution", "Predictions by class", "Rejections by problem",
            "Dataset drift", "Drift share", "PSI per column", "Column drift", "Concept drift", "Window metrics",
            "Served version", "Last Monitor run", "Monitor verdict", "Objectives at the last run",
        }));
        Assert.That((string?)Panel(dashboard, "Predictions by class")["description"], Does.EndWith("class 1 is default = 1."));
    }

    [Test]
    public void Should_Lay_Out_Panels_On_The_Grid_Without_Overlap()
    {
        // Given
        var dashboard = Dashboard(MonitoringPipelines.Full);
        var cells = new HashSet<(int, int)>();

        // When
        var panels = dashboard["panels"]!.AsArray().Select(p => p!.AsObject()).ToList();

        // Then
        Assert.That(panels.Select(p => (int)p["id"]!), Is.EqualTo(Enumerable.Range(1, panels.Count)));
        foreach (var grid in panels.Select(p => p["gridPos"]!))
        {
            var (x, y, w, h) = ((int)grid["x"]!, (int)grid["y"]!, (int)grid["w"]!, (int)grid["h"]!);
            Assert.That(x + w, Is.LessThanOrEqualTo(24));
            for (var column = x; column < x + w; column++)
            {
                for (var row = y; row < y + h; row++)
                {
                    Assert.That(cells.Add((column, row)), Is.True, $"two panels cover ({column}, {row})");
                }
            }
        }
    }

    [TestCase(nameof(MonitoringPipelines.Full), TestName = "{m}(Full)")]
    [TestCase(nameof(MonitoringPipelines.Bare), TestName = "{m}(Bare)")]
    public void Should_Ask_Only_For_Series_That_Exist(string pipeline)
    {
        // When
        var exprs = Exprs(Dashboard(MonitoringPipelines.Named(pipeline))).ToList();

        // Then
        Assert.That(exprs, Has.Count.EqualTo(20));
        foreach (var expr in exprs)
        {
            KnownMetrics.AssertExists(expr);
        }
    }

    [Test]
    public void Should_Draw_Each_Limit_That_Is_Set_As_A_Line_On_Its_Series()
    {
        // When
        var dashboard = Dashboard(MonitoringPipelines.Full);

        // Then
        Assert.That(Line(Panel(dashboard, "Requests"), "A"), Is.EqualTo(new[] { "red -", "green 0.5" }));
        Assert.That(Line(Panel(dashboard, "Errors and rejections"), "A"), Is.EqualTo(new[] { "green -", "red 0.01" }));
        Assert.That(Line(Panel(dashboard, "Errors and rejections"), "B"), Is.EqualTo(new[] { "green -", "red 0.05" }));
        Assert.That(Line(Panel(dashboard, "Latency"), "A"), Is.EqualTo(new[] { "green -", "red 0.02" }));
        Assert.That(Line(Panel(dashboard, "Latency"), "B"), Is.EqualTo(new[] { "green -", "red 0.25" }));
        Assert.That(Line(Panel(dashboard, "Window metrics"), "accuracy"), Is.EqualTo(new[] { "red -", "green 0.65" }));
        Assert.That(Panel(dashboard, "Drift share")["fieldConfig"]!["defaults"]!["thresholds"]!["steps"]![1]!["value"]!.GetValue<double>(), Is.EqualTo(0.3));
        Assert.That((string?)Panel(dashboard, "Column drift")["description"], Does.EndWith("Tests: numeric psi (0.2), categorical Evidently's default; income: ks."));
    }

    [Test]
    public void Should_Draw_No_Limit_Line_When_No_Objective_Is_Set()
    {
        // When
        var dashboard = Dashboard(MonitoringPipelines.Bare);

        // Then
        foreach (var title in new[] { "Requests", "Errors and rejections", "Latency", "Window metrics" })
        {
            Assert.That(Panel(dashboard, title)["fieldConfig"]!["overrides"]!.AsArray(), Is.Empty, title);
        }

        Assert.That(Panel(dashboard, "Drift share")["fieldConfig"]!["defaults"]!["thresholds"]!["steps"]![1]!["value"]!.GetValue<double>(), Is.EqualTo(0.5));
    }

    [Test]
    public void Should_Chart_Exactly_What_The_Alert_Evaluates()
    {
        // Given
        var pipeline = MonitoringPipelines.Load(MonitoringPipelines.Full);
        var latency = Panel(JsonNode.Parse(GrafanaDashboard.Generate(pipeline))!.AsObject(), "Latency");

        // When
        var rules = PrometheusAlertRules.Generate(pipeline);

        // Then
        Assert.That(rules, Does.Contain($"expr: {latency["targets"]![1]!["expr"]} > 0.25\n"));
    }

    [Test]
    public void Should_Give_The_Same_Bytes_For_The_Same_Pipeline()
    {
        // When
        var first = GrafanaDashboard.Generate(MonitoringPipelines.Load(MonitoringPipelines.Full));
        var second = GrafanaDashboard.Generate(MonitoringPipelines.Load(MonitoringPipelines.Full));

        // Then
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.Not.Contain("\r").And.EndWith("}\n"));
    }

    [TestCase("credit-scoring", "mlops-credit-scoring")]
    [TestCase("churn_v2", "mlops-churn_v2")]
    [TestCase("credit scoring", "mlops-credit-scoring-c2846495af")]
    [TestCase("a-model-name-well-over-thirty-four-characters", "mlops-a-model-name-well-over-81dec6cafa")]
    public void Should_Derive_A_Valid_Uid_From_The_Model_Name(string model, string uid)
    {
        // When
        var derived = GrafanaDashboard.Uid(model);

        // Then
        Assert.That(derived, Is.EqualTo(uid));
        Assert.That(derived, Has.Length.LessThanOrEqualTo(40).And.Match("^[a-zA-Z0-9_-]+$"));
    }
}
