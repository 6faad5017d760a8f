using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Monitoring.Dashboards;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring;

/// <summary>Writes what a Monitor run leaves in artifacts/&lt;pipeline&gt;/monitoring/, each file atomically.</summary>
public static class MonitorOutputs
{
    /// <summary>
    /// drift.json, drift.html and monitor.prom for <paramref name="report"/> in <paramref name="folder"/>, and the
    /// Grafana dashboard and Prometheus alert rules of <paramref name="pipeline"/>.
    /// </summary>
    public static void Write(string folder, MonitorReport report, PipelineDefinition pipeline)
    {
        Directory.CreateDirectory(folder);
        DriftJson.Write(Path.Combine(folder, "drift.json"), report);
        AtomicFile.WriteAllText(Path.Combine(folder, "drift.html"), DriftHtml.Write(report));
        AtomicFile.WriteAllText(Path.Combine(folder, "monitor.prom"), MonitorTextfile.Write(report));
        AtomicFile.WriteAllText(Path.Combine(folder, "grafana-dashboard.json"), GrafanaDashboard.Generate(pipeline));
        AtomicFile.WriteAllText(Path.Combine(folder, "alert-rules.yml"), PrometheusAlertRules.Generate(pipeline));
    }
}
