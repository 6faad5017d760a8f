using System.Globalization;
using System.Text;

namespace MlOps.Tasks.Monitoring;

/// <summary>
/// The Prometheus textfile of a Monitor run (text exposition format 0.0.4), for node_exporter's textfile collector:
/// the gauges the generated dashboard and alert rules read.
/// </summary>
public static class MonitorTextfile
{
    /// <summary>The file's text for <paramref name="report"/>.</summary>
    public static string Write(MonitorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var model = $"model=\"{Escape(report.Model)}\"";
        var data = report.Data;
        Gauge(text, "mlops_drift_dataset_drift", "1 when the share of drifted columns reached monitoring.drift_share.", [(model, data.DatasetDrift ? 1 : 0)]);
        Gauge(text, "mlops_drift_share", "Share of the tested columns that drifted.", [(model, data.Share)]);
        var tested = data.Columns.Where(c => c.Skipped is null).ToList();
        Gauge(text, "mlops_drift_column_drift", "1 when the column drifted.",
            [.. tested.Select(c => (Labels(model, c), (double)(c.Drift ? 1 : 0)))]);
        Gauge(text, "mlops_drift_column_score", "The column's drift score: a p-value (ks, chisquare, z) or a distance.",
            [.. tested.Select(c => (Labels(model, c), c.Score))]);
        Gauge(text, "mlops_drift_column_psi", "The column's population stability index.",
            [.. tested.Select(c => ($"{model},column=\"{Escape(c.Column)}\"", c.Psi))]);
        if (report.Concept is { } concept)
        {
            Gauge(text, "mlops_concept_drift_detected", "1 when the detector signalled drift in the stream of prediction errors.",
                [($"{model},detector=\"{Escape(concept.Detector)}\"", concept.Detections.Count > 0 ? 1 : 0)]);
            if (concept.Windows.Count > 0)
            {
                Gauge(text, "mlops_concept_window_metric", "The latest window of labelled predictions: each metric.",
                    [.. concept.Windows[^1].Metrics.Where(m => !double.IsNaN(m.Value)).Select(m => ($"{model},metric=\"{Escape(m.Key)}\"", m.Value))]);
            }
        }

        if (report.Service is { } service)
        {
            Gauge(text, "mlops_slo_breached", "1 when the deployed server breaches the objective (monitoring.slo).",
                [.. service.Objectives.Select(o => ($"{model},objective=\"{Escape(o.Objective)}\"", (double)(o.Breached ? 1 : 0)))]);
        }

        Gauge(text, "mlops_monitor_breached", "1 when the last Monitor run breached a threshold.", [(model, report.Breached ? 1 : 0)]);
        Gauge(text, "mlops_monitor_last_run_timestamp_seconds", "When Monitor last ran (Unix time).", [(model, report.Time.ToUnixTimeMilliseconds() / 1000.0)]);
        return text.ToString();
    }

    private static string Labels(string model, ColumnDrift column) =>
        $"{model},column=\"{Escape(column.Column)}\",method=\"{column.Method.ToString().ToLowerInvariant()}\"";

    private static void Gauge(StringBuilder text, string name, string help, IReadOnlyList<(string Labels, double Value)> samples)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n");
        foreach (var (labels, value) in samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{{{labels}}} {Value(value)}\n");
        }
    }

    private static string Value(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>A label value as the exposition format writes it: backslash, quote and newline escaped.</summary>
    public static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
