using System.Data.Common;
using static MlOps.Tasks.Tracking.StoreConnection;

namespace MlOps.Tasks.Tracking;

public sealed partial class DeploymentHistory
{
    /// <summary>
    /// Marks <paramref name="version"/> as rolled back from <paramref name="environment"/> by deployment <paramref name="deploymentId"/>,
    /// unless it is marked there already.
    /// </summary>
    /// <returns>The mark in force: the new one, or the one it already had.</returns>
    public VersionMark Mark(string model, string environment, int version, long deploymentId, string by) => connection.Write(() =>
    {
        if (ReadMark(model, environment, version) is { } marked)
        {
            return marked;
        }

        connection.Execute(
            """
            INSERT INTO version_marks (model, environment, version, deployment_id, marked_ms, by)
            VALUES (@model, @environment, @version, @deployment, @now, @by)
            """,
            ("@model", model), ("@environment", environment), ("@version", version), ("@deployment", deploymentId),
            ("@now", Milliseconds(connection.Now())), ("@by", by));
        return ReadMark(model, environment, version)!;
    });

    /// <summary>The mark in force on <paramref name="version"/> in <paramref name="environment"/>, or null when it has none.</summary>
    public VersionMark? MarkOf(string model, string environment, int version) => connection.Read(() => ReadMark(model, environment, version));

    /// <summary>Clears the mark on <paramref name="version"/> in <paramref name="environment"/>; kept in the history.</summary>
    /// <returns>The mark cleared, or null when it had none.</returns>
    public VersionMark? ClearMark(string model, string environment, int version) => connection.Write(() =>
    {
        var marked = ReadMark(model, environment, version);
        connection.Execute(
            "UPDATE version_marks SET cleared_ms = @now WHERE model = @model AND environment = @environment AND version = @version AND cleared_ms IS NULL",
            ("@model", model), ("@environment", environment), ("@version", version), ("@now", Milliseconds(connection.Now())));
        return marked;
    });

    private VersionMark? ReadMark(string model, string environment, int version) => connection.Query(
        """
        SELECT model, environment, version, deployment_id, marked_ms, by FROM version_marks
        WHERE model = @model AND environment = @environment AND version = @version AND cleared_ms IS NULL
        ORDER BY id DESC LIMIT 1
        """,
        ReadMarkRow, ("@model", model), ("@environment", environment), ("@version", version)).FirstOrDefault();

    private static VersionMark ReadMarkRow(DbDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetInt32(2), row.GetInt64(3), Moment(row.GetInt64(4)), row.GetString(5));
}
