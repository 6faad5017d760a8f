using System.Diagnostics;
using MlOps.Tasks.Monitoring.Dashboards;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Monitoring.Dashboards;

/// <summary>The rules as Prometheus itself reads and evaluates them, with promtool (Debian's prometheus package).</summary>
public sealed class PromtoolTests
{
    private const string Promtool = "/usr/bin/promtool";

    private static PromtoolRun Run(string folder, params string[] arguments)
    {
        if (!File.Exists(Promtool))
        {
            if (Environment.GetEnvironmentVariable("MLOPS_REQUIRE_PROMTOOL") == "1")
            {
                Assert.Fail($"{Promtool} is missing and MLOPS_REQUIRE_PROMTOOL=1; install Debian's prometheus package.");
            }

            Assert.Ignore("promtool is not installed (Debian's prometheus package; MLOPS_REQUIRE_PROMTOOL=1 makes this a failure).");
        }

        var start = new ProcessStartInfo(Promtool) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var promtool = Process.Start(start)!;
        var output = promtool.StandardOutput.ReadToEndAsync();
        var errors = promtool.StandardError.ReadToEndAsync();
        Assert.That(promtool.WaitForExit(60_000), Is.True, "promtool did not finish within a minute");
        return new PromtoolRun(promtool.ExitCode, output.Result + errors.Result);
    }

    [TestCase(nameof(MonitoringPipelines.Full), 11, TestName = "{m}(Full)")]
    [TestCase(nameof(MonitoringPipelines.Bare), 5, TestName = "{m}(Bare)")]
    public void Should_Pass_Promtool_Check_Rules(string pipeline, int rules)
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("rules.yml", PrometheusAlertRules.Generate(MonitoringPipelines.Load(MonitoringPipelines.Named(pipeline))));

        // When
        var run = Run(temp.Path, "check", "rules", "rules.yml");

        // Then
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain($"SUCCESS: {rules} rules found"));
    }

    [Test]
    public void Should_Fire_On_The_Served_Model_And_Its_Drift_Only()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("rules.yml", PrometheusAlertRules.Generate(MonitoringPipelines.Load(MonitoringPipelines.Full)));
        temp.Write("test.yml", Scenario);

        // When
        var run = Run(temp.Path, "test", "rules", "test.yml");

        // Then
        Assert.That(run.ExitCode, Is.Zero, run.Output);
    }

    // One server of this model (1.1 requests/s, a tenth of them 500s, all answered within 10 ms) next to a
    // server of another model that fails everything; Monitor's textfile on node_exporter reports dataset drift.
    private static readonly string Scenario = $$"""
        rule_files: [rules.yml]
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - series: 'mlops_model_info{job="serving",instance="127.0.0.1:5080",model="credit-scoring",version="3"}'
                values: '1x30'
              - series: 'mlops_requests_total{job="serving",instance="127.0.0.1:5080",status="200"}'
                values: '0+60x30'
              - series: 'mlops_requests_total{job="serving",instance="127.0.0.1:5080",status="500"}'
                values: '0+6x30'
              - series: 'mlops_request_duration_seconds_bucket{job="serving",instance="127.0.0.1:5080",le="0.01"}'
                values: '0+60x30'
              - series: 'mlops_request_duration_seconds_bucket{job="serving",instance="127.0.0.1:5080",le="+Inf"}'
                values: '0+60x30'
              - series: 'mlops_model_info{job="serving",instance="127.0.0.1:5081",model="churn",version="1"}'
                values: '1x30'
              - series: 'mlops_requests_total{job="serving",instance="127.0.0.1:5081",status="500"}'
                values: '0+600x30'
              - series: 'mlops_drift_dataset_drift{job="node",instance="127.0.0.1:9100",model="credit-scoring"}'
                values: '1x30'
              - series: 'mlops_monitor_last_run_timestamp_seconds{job="node",instance="127.0.0.1:9100",model="credit-scoring"}'
                values: '0x30'
            alert_rule_test:
              - eval_time: 20m
                alertname: ModelServerDown
                exp_alerts: []
              - eval_time: 20m
                alertname: ModelLatencyP99High
                exp_alerts: []
              - eval_time: 20m
                alertname: ModelErrorRateHigh
                exp_alerts:
                  - exp_labels: { severity: critical, model: credit-scoring }
                    exp_annotations:
                      summary: 'Share of server errors (5xx) of credit-scoring is 9.091%, above the limit 0.01 (1 %)'
                      description: 'Share of server errors (5xx) over the last 5m is above the limit 0.01 (1 %), set by monitoring.slo.
        """ + $$"""
        max_error_rate at {{MonitoringPipelines.LocationOf(MonitoringPipelines.Full, "max_error_rate")}}.'
              - eval_time: 20m
                alertname: ModelDatasetDrift
                exp_alerts:
                  - exp_labels: { severity: critical, model: credit-scoring, job: node, instance: '127.0.0.1:9100' }
                    exp_annotations:
                      summary: 'The data served to credit-scoring drifted'
                      description: "At Monitor's last run at least 30 % of the tested columns drifted (
        """ + $$"""
        monitoring.drift_share in {{MonitoringPipelines.LocationOf(MonitoringPipelines.Full, "drift_share")}}). ./build.sh --target=Monitor --pipeline=
        """ + $$"""
        pipelines/credit-scoring.yaml writes the report; retrain on recent data."
              - eval_time: 20m
                alertname: ModelMonitorStale
                exp_alerts: []
          - interval: 1m
            input_series:
              - series: 'mlops_model_info{job="serving",instance="127.0.0.1:5081",model="churn",version="1"}'
                values: '1x30'
            alert_rule_test:
              - eval_time: 1m
                alertname: ModelServerDown
                exp_alerts: []
              - eval_time: 5m
                alertname: ModelServerDown
                exp_alerts:
                  - exp_labels: { severity: critical, model: credit-scoring }
                    exp_annotations:
                      summary: 'No scoring server reports serving credit-scoring'
                      description: 'No scraped target exposes mlops_model_info
        """ + $$"""
        {model="credit-scoring"}: the server is down, is not scraped, or serves another model. Deploy it again with ./build.sh --target=Deploy --pipeline=
        """ + $$"""
        pipelines/credit-scoring.yaml.'
        """;

    private sealed record PromtoolRun(int ExitCode, string Output);
}
