using System.Data.Common;
using MlOps.Tasks.Pipeline;
using static MlOps.Tasks.Tracking.StoreConnection;

namespace MlOps.Tasks.Tracking;

public sealed partial class DeploymentHistory
{
    /// <summary>Records a server about to be started, in state <see cref="DeploymentState.Starting"/>.</summary>
    public void RecordStart(DeploymentStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        connection.Execute(
            """
            INSERT INTO deployment_starts (key, model, environment, kind, action, version, folder, host, runs_as, started_ms)
            VALUES (@key, @model, @environment, @kind, @action, @version, @folder, @host, @runsAs, @now)
            """,
            ("@key", start.Key), ("@model", start.Model), ("@environment", start.Environment), ("@kind", Word(start.Kind)),
            ("@action", Word(start.Action)), ("@version", start.Version), ("@folder", start.Folder), ("@host", start.Host),
            ("@runsAs", start.RunsAs), ("@now", Milliseconds(connection.Now())));
    }

    /// <summary>Records what a started server runs as (its pid), unless that was known when it was recorded.</summary>
    public void RecordStartedAs(string key, string runsAs) =>
        connection.Execute("UPDATE deployment_starts SET runs_as = @runsAs WHERE key = @key AND runs_as IS NULL", ("@key", key), ("@runsAs", runsAs));

    /// <summary>
    /// The servers started for <paramref name="model"/> in <paramref name="environment"/>, oldest first, each with its recorded outcome.
    /// </summary>
    public IReadOnlyList<DeploymentStart> Starts(string model, string environment) => connection.Read(() => connection.Query(
        """
        SELECT s.key, s.model, s.environment, s.kind, s.action, s.version, s.folder, s.host, s.runs_as, s.started_ms, d.outcome
        FROM deployment_starts s LEFT JOIN deployments d ON d.key = s.key
        WHERE s.model = @model AND s.environment = @environment ORDER BY s.started_ms, s.rowid
        """,
        ReadStart, ("@model", model), ("@environment", environment)));

    private static DeploymentStart ReadStart(DbDataReader row) => new()
    {
        Key = row.GetString(0),
        Model = row.GetString(1),
        Environment = row.GetString(2),
        Kind = Enum.Parse<EnvironmentKind>(row.GetString(3), ignoreCase: true),
        Action = Enum.Parse<DeploymentAction>(row.GetString(4), ignoreCase: true),
        Version = row.GetInt32(5),
        Folder = row.GetString(6),
        Host = row.GetString(7),
        RunsAs = row.IsDBNull(8) ? null : row.GetString(8),
        Started = Moment(row.GetInt64(9)),
        State = row.IsDBNull(10) ? DeploymentState.Starting : row.GetString(10) == "serving" ? DeploymentState.Serving : DeploymentState.Failed,
    };
}
