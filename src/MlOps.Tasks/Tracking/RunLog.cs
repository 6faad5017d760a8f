using MlOps.Tasks.Artifacts;
using static MlOps.Tasks.Tracking.StoreConnection;

namespace MlOps.Tasks.Tracking;

/// <summary>The runs of the tracking store: each with its params, metrics, tags and artifacts, in the manner of MLflow.</summary>
public sealed partial class RunLog
{
    private const string RunColumns = "id, experiment, name, status, start_ms, end_ms";

    /// <summary>The tag that makes a run the child of another, as MLflow names it.</summary>
    public const string ParentRunTag = "mlflow.parentRunId";
    private readonly StoreConnection connection;

    internal RunLog(StoreConnection connection)
    {
        this.connection = connection;
    }

    /// <summary>
    /// Starts a run in <paramref name="experiment"/>, with a new random id, recording this process as the one that runs it;
    /// with <paramref name="tags"/> in the same transaction (a child run is never seen without its parent).
    /// </summary>
    public RunRecord StartRun(string experiment, string? name = null, IReadOnlyDictionary<string, string>? tags = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        var id = Guid.NewGuid().ToString("N");
        var start = connection.Now();
        connection.Write(() =>
        {
            connection.Execute(
                """
                INSERT INTO runs (id, experiment, name, status, start_ms, host, pid, process_start_ms)
                VALUES (@id, @experiment, @name, 'Running', @start, @host, @pid, @processStart)
                """,
                ("@id", id), ("@experiment", experiment), ("@name", name), ("@start", Milliseconds(start)),
                ("@host", WriterProcess.Host), ("@pid", WriterProcess.Id), ("@processStart", Milliseconds(WriterProcess.Started)));
            foreach (var (key, value) in tags ?? new Dictionary<string, string>())
            {
                connection.Execute("INSERT INTO tags (run_id, key, value) VALUES (@id, @key, @value)", ("@id", id), ("@key", key), ("@value", value));
            }
        });
        return new RunRecord(id, experiment, name, RunStatus.Running, start, null,
            new Dictionary<string, string>(), new Dictionary<string, double>(), new Dictionary<string, string>(tags ?? new Dictionary<string, string>()), []);
    }

    /// <summary>Ends a run with <paramref name="status"/> and the current time.</summary>
    /// <exception cref="UsageException">The run does not exist.</exception>
    public void EndRun(string runId, RunStatus status)
    {
        if (status == RunStatus.Running || !Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A run ends Finished, Failed or Killed.");
        }

        var updated = connection.Execute(
            "UPDATE runs SET status = @status, end_ms = @end WHERE id = @id",
            ("@status", status.ToString()), ("@end", Milliseconds(connection.Now())), ("@id", runId));
        if (updated == 0)
        {
            throw NoSuchRun(runId);
        }
    }

    /// <summary>
    /// Marks <see cref="RunStatus.Killed"/> the runs still <see cref="RunStatus.Running"/> whose process is gone: one of
    /// this machine whose id no longer belongs to the process that started the run. Runs of other machines, and runs
    /// recorded without their process (by older builds), are left as they are.
    /// </summary>
    /// <returns>The runs marked, oldest first.</returns>
    public IReadOnlyList<StaleRun> MarkStaleRunsKilled() => connection.Write(() =>
    {
        var stale = connection.Query(
                """
                SELECT id, experiment, host, pid, process_start_ms FROM runs
                WHERE status = 'Running' AND host = @host AND pid IS NOT NULL AND process_start_ms IS NOT NULL ORDER BY start_ms, rowid
                """,
                row => new StaleRun(row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt32(3), Moment(row.GetInt64(4))),
                ("@host", WriterProcess.Host))
            .Where(run => !WriterProcess.Runs(run.Pid, run.ProcessStarted))
            .ToList();
        var end = Milliseconds(connection.Now());
        foreach (var run in stale)
        {
            connection.Execute("UPDATE runs SET status = 'Killed', end_ms = @end WHERE id = @id", ("@end", end), ("@id", run.Id));
        }

        return stale;
    });

    /// <summary>The run whose id is, or starts with, <paramref name="runIdOrPrefix"/> (at least 4 hex characters); null when none does.</summary>
    /// <exception cref="UsageException">The text is not a run id or prefix, or the prefix matches several runs.</exception>
    public RunRecord? FindRun(string runIdOrPrefix)
    {
        var prefix = runIdOrPrefix.Trim().ToLowerInvariant();
        if (prefix.Length is < 4 or > 32 || !prefix.All(char.IsAsciiHexDigit))
        {
            throw new UsageException($"'{runIdOrPrefix}' is not a run id; give the run id or its first 4 or more hex characters.");
        }

        // Ids are lowercase hex, so those starting with the prefix sort between it and the prefix with its last character incremented.
        var after = prefix[..^1] + (char)(prefix[^1] + 1);
        return connection.Read(() =>
        {
            var ids = connection.Query("SELECT id FROM runs WHERE id >= @prefix AND id < @after ORDER BY id",
                row => row.GetString(0), ("@prefix", prefix), ("@after", after));
            return ids.Count switch
            {
                0 => null,
                1 => ReadRun(ids[0]),
                _ => throw new UsageException(
                    $"Run id prefix '{prefix}' is ambiguous; it matches {ids.Count} runs: {string.Join(", ", ids)}. Give more characters."),
            };
        });
    }

    /// <summary>The run whose id is, or starts with, <paramref name="runIdOrPrefix"/>.</summary>
    /// <exception cref="UsageException">No run or several runs match.</exception>
    public RunRecord GetRun(string runIdOrPrefix) =>
        FindRun(runIdOrPrefix) ?? throw new UsageException($"No run id starts with '{runIdOrPrefix.Trim()}' in {connection.Database}.");

    /// <summary>The runs of <paramref name="experiment"/>, newest first, without the child runs (a sweep's trials: <see cref="ChildrenOf"/>).</summary>
    public IReadOnlyList<RunRecord> InExperiment(string experiment) => connection.Read(() =>
        connection.Query(
                $"""
                SELECT id FROM runs WHERE experiment = @experiment
                AND NOT EXISTS (SELECT 1 FROM tags WHERE tags.run_id = runs.id AND tags.key = '{ParentRunTag}')
                ORDER BY start_ms DESC, rowid DESC
                """,
                row => row.GetString(0), ("@experiment", experiment))
            .Select(id => ReadRun(id)!)
            .ToList());

    /// <summary>The runs tagged as children of <paramref name="parentRunId"/> (MLflow's <c>mlflow.parentRunId</c>), oldest first.</summary>
    public IReadOnlyList<RunRecord> ChildrenOf(string parentRunId) => connection.Read(() =>
        connection.Query(
                $"""
                SELECT runs.id FROM runs JOIN tags ON tags.run_id = runs.id
                WHERE tags.key = '{ParentRunTag}' AND tags.value = @parent ORDER BY runs.start_ms, runs.rowid
                """,
                row => row.GetString(0), ("@parent", parentRunId))
            .Select(id => ReadRun(id)!)
            .ToList());

    /// <summary>
    /// The newest Finished run of <paramref name="experiment"/> tagged <paramref name="key"/> = <paramref name="value"/>,
    /// e.g. one that trained on the same inputs (same fingerprint); null when there is none.
    /// </summary>
    public RunRecord? LatestFinishedRunWithTag(string experiment, string key, string value) => connection.Read(() =>
    {
        var id = (string?)connection.Scalar(
            """
            SELECT runs.id FROM runs JOIN tags ON tags.run_id = runs.id
            WHERE runs.experiment = @experiment AND runs.status = 'Finished' AND tags.key = @key AND tags.value = @value
            ORDER BY runs.start_ms DESC, runs.rowid DESC LIMIT 1
            """,
            ("@experiment", experiment), ("@key", key), ("@value", value));
        return id is null ? null : ReadRun(id);
    });

    // The run's row is read to the end before its params, metrics, tags and artifacts are asked for: PostgreSQL runs one command at a time.
    private RunRecord? ReadRun(string id) => connection.Read(() =>
    {
        var rows = connection.Query($"SELECT {RunColumns} FROM runs WHERE id = @id", row => (
                Experiment: row.GetString(1),
                Name: row.IsDBNull(2) ? null : row.GetString(2),
                Status: Enum.Parse<RunStatus>(row.GetString(3)),
                Started: Moment(row.GetInt64(4)),
                Ended: row.IsDBNull(5) ? (DateTimeOffset?)null : Moment(row.GetInt64(5))),
            ("@id", id));
        return rows is [var run]
            ? new RunRecord(
                id,
                run.Experiment,
                run.Name,
                run.Status,
                run.Started,
                run.Ended,
                Pairs("SELECT key, value FROM params WHERE run_id = @id ORDER BY key", id),
                LatestMetrics(id),
                Pairs("SELECT key, value FROM tags WHERE run_id = @id ORDER BY key", id),
                Artifacts(id))
            : null;
    });

    private Dictionary<string, string> Pairs(string sql, string runId) =>
        connection.Query(sql, row => KeyValuePair.Create(row.GetString(0), row.GetString(1)), ("@id", runId))
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>Throws unless the run exists; call inside the write transaction that depends on it.</summary>
    internal void RequireRun(string runId)
    {
        if (connection.Scalar("SELECT 1 FROM runs WHERE id = @id", ("@id", runId)) is null)
        {
            throw NoSuchRun(runId);
        }
    }

    private UsageException NoSuchRun(string runId) => new($"Run '{runId}' does not exist in {connection.Database}.");
}
