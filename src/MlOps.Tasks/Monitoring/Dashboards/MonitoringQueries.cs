using System.Globalization;

namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>
/// The PromQL that the dashboard and the alert rules both ask about one model, so that a panel shows exactly
/// what an alert evaluates. The scoring server's series carry no model label: they are tied to the model
/// through <c>mlops_model_info</c> on the same scrape target. Monitor's textfile series carry it.
/// </summary>
internal sealed class MonitoringQueries(string model)
{
    /// <summary>The window of every rate and quantile.</summary>
    public const string Window = "5m";

    /// <summary>How long Monitor may go without running before the results are stale.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(2);

    private readonly string selector = $"{{model=\"{Escape(model)}\"}}";

    /// <summary>The model's identity, one series per server that serves it.</summary>
    public string ModelInfo => "mlops_model_info" + selector;

    /// <summary>Present (1) when no server reports serving the model.</summary>
    public string ServerAbsent => $"absent({ModelInfo})";

    /// <summary>The versions being served.</summary>
    public string ServedVersions => $"max by (version) ({ModelInfo})";

    /// <summary>Scoring requests per second, all statuses.</summary>
    public string RequestRate => $"sum({Served("mlops_requests_total")})";

    /// <summary>Scoring requests per second by HTTP status.</summary>
    public string RequestRateByStatus => $"sum by (status) ({Served("mlops_requests_total")})";

    /// <summary>The share of requests answered with a server error.</summary>
    public string ErrorRate => ShareOfStatus("5..");

    /// <summary>The share of requests refused as bad input.</summary>
    public string RejectedRate => ShareOfStatus("4..");

    /// <summary>Refused requests per second by problem type.</summary>
    public string RejectionsByProblem => $"sum by (problem) ({Served("mlops_request_errors_total")})";

    /// <summary>Rows scored per second by predicted class.</summary>
    public string PredictionsByClass => $"sum by (class) ({Served("mlops_predictions_total")})";

    /// <summary>Scores per second in each bucket of the score histogram.</summary>
    public string ScoreBuckets => $"sum by (le) ({Served("mlops_prediction_score_bucket")})";

    /// <summary>1 when Monitor found dataset drift at its last run.</summary>
    public string DatasetDrift => "mlops_drift_dataset_drift" + selector;

    /// <summary>The share of the tested columns that drifted at Monitor's last run.</summary>
    public string DriftShare => "mlops_drift_share" + selector;

    /// <summary>1 per column and method that drifted.</summary>
    public string ColumnDrift => $"max by (column, method) (mlops_drift_column_drift{selector})";

    /// <summary>The p-value or distance per column and method.</summary>
    public string ColumnScore => $"max by (column, method) (mlops_drift_column_score{selector})";

    /// <summary>The population stability index per column.</summary>
    public string ColumnPsi => $"max by (column) (mlops_drift_column_psi{selector})";

    /// <summary>1 per detector that found concept drift.</summary>
    public string ConceptDrift => "mlops_concept_drift_detected" + selector;

    /// <summary>The latest window's metrics over labelled feedback.</summary>
    public string WindowMetrics => "mlops_concept_window_metric" + selector;

    /// <summary>1 when Monitor's last run breached a threshold.</summary>
    public string MonitorBreached => "mlops_monitor_breached" + selector;

    /// <summary>1 per service level objective Monitor found breached.</summary>
    public string ObjectivesBreached => $"max by (objective) (mlops_slo_breached{selector})";

    /// <summary>Seconds since Monitor last ran.</summary>
    public string MonitorAge => $"time() - mlops_monitor_last_run_timestamp_seconds{selector}";

    /// <summary>The <paramref name="quantile"/> of the scoring latency, in seconds.</summary>
    public string Latency(double quantile) =>
        $"histogram_quantile({Number(quantile)}, sum by (le) ({Served("mlops_request_duration_seconds_bucket")}))";

    /// <summary>The latest window's value of one metric.</summary>
    public string WindowMetric(string metric) => $"mlops_concept_window_metric{{model=\"{Escape(model)}\",metric=\"{Escape(metric)}\"}}";

    /// <summary>A PromQL number literal.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // No traffic of a status leaves no series; the share is then 0, not missing.
    private string ShareOfStatus(string status) =>
        $"(sum({Served($"mlops_requests_total{{status=~\"{status}\"}}")}) or vector(0)) / {RequestRate}";

    private string Served(string counter) => $"rate({counter}[{Window}]) and on (job, instance) {ModelInfo}";

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);
}
