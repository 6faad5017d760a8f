using static MlOps.Tasks.Tracking.StoreConnection;

namespace MlOps.Tasks.Tracking;

public sealed partial class RunLog
{
    /// <summary>Logs parameters. As in MLflow a parameter is written once: logging the same value again is allowed, another value is not.</summary>
    /// <exception cref="UsageException">The run does not exist, or a parameter already has another value.</exception>
    public void LogParams(string runId, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        connection.Write(() =>
        {
            RequireRun(runId);
            foreach (var (key, value) in parameters)
            {
                var existing = (string?)connection.Scalar(
                    "SELECT value FROM params WHERE run_id = @id AND key = @key", ("@id", runId), ("@key", key));
                if (existing is null)
                {
                    connection.Execute(
                        "INSERT INTO params (run_id, key, value) VALUES (@id, @key, @value)", ("@id", runId), ("@key", key), ("@value", value));
                }
                else if (existing != value)
                {
                    throw new UsageException(
                        $"Run '{runId}' already has param '{key}' = '{existing}'; params cannot change (got '{value}'). " +
                        "Start a new run to try other values.");
                }
            }
        });
    }

    /// <summary>Logs one value of a metric at <paramref name="step"/>; every value is kept in the metric's history.</summary>
    /// <exception cref="UsageException">The run does not exist.</exception>
    public void LogMetric(string runId, string key, double value, long step = 0) =>
        LogMetrics(runId, new Dictionary<string, double> { [key] = value }, step);

    /// <summary>Logs several metrics at one <paramref name="step"/>, in one transaction.</summary>
    /// <exception cref="UsageException">The run does not exist.</exception>
    public void LogMetrics(string runId, IReadOnlyDictionary<string, double> metrics, long step = 0)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var logged = Milliseconds(connection.Now());
        connection.Write(() =>
        {
            RequireRun(runId);
            foreach (var (key, value) in metrics)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(key, nameof(metrics));
                connection.Execute(
                    "INSERT INTO metrics (run_id, key, step, value, logged_ms) VALUES (@id, @key, @step, @value, @logged)",
                    ("@id", runId), ("@key", key), ("@step", step), ("@value", double.IsNaN(value) ? null : value), ("@logged", logged));
            }
        });
    }

    /// <summary>Sets tags; a tag set again takes the new value.</summary>
    /// <exception cref="UsageException">The run does not exist.</exception>
    public void SetTags(string runId, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        connection.Write(() =>
        {
            RequireRun(runId);
            foreach (var (key, value) in tags)
            {
                connection.Execute(
                    "INSERT INTO tags (run_id, key, value) VALUES (@id, @key, @value) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value",
                    ("@id", runId), ("@key", key), ("@value", value));
            }
        });
    }

    /// <summary>Every logged value of metric <paramref name="key"/>, by step, then in the order logged; empty when none.</summary>
    /// <exception cref="UsageException">The run does not exist.</exception>
    public IReadOnlyList<MetricPoint> MetricHistory(string runId, string key) => connection.Read(() =>
    {
        RequireRun(runId);
        return connection.Query(
            "SELECT key, value, step, logged_ms FROM metrics WHERE run_id = @id AND key = @key ORDER BY step, id",
            row => new MetricPoint(row.GetString(0), row.IsDBNull(1) ? double.NaN : row.GetDouble(1), row.GetInt64(2), Moment(row.GetInt64(3))),
            ("@id", runId), ("@key", key));
    });

    private Dictionary<string, double> LatestMetrics(string runId)
    {
        // Ordered so that the value at the highest step, logged last, is assigned last.
        var latest = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in connection.Query(
            "SELECT key, value FROM metrics WHERE run_id = @id ORDER BY step, id",
            row => (row.GetString(0), row.IsDBNull(1) ? double.NaN : row.GetDouble(1)),
            ("@id", runId)))
        {
            latest[key] = value;
        }

        return latest;
    }
}
