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
        DriftJson.Write(Path.Combine(folder, ArtifactNames.Drift), report);
        AtomicFile.WriteAllText(Path.Combine(folder, ArtifactNames.DriftPage), DriftHtml.Write(report));
        AtomicFile.WriteAllText(Path.Combine(folder, ArtifactNames.MonitorTextfile), MonitorTextfile.Write(report));
        AtomicFile.WriteAllText(Path.Combine(folder, ArtifactNames.GrafanaDashboard), GrafanaDashboard.Generate(pipeline));
        AtomicFile.WriteAllText(Path.Combine(folder, ArtifactNames.AlertRules), PrometheusAlertRules.Generate(pipeline));
    }
}
