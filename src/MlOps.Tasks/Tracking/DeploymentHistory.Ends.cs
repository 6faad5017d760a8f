using System.Data.Common;
using System.Globalization;
using static MlOps.Tasks.Tracking.StoreConnection;

namespace MlOps.Tasks.Tracking;

public sealed partial class DeploymentHistory
{
    /// <summary>
    /// Records that the serving deployment <paramref name="deploymentId"/> was stopped: from then on its environment serves nothing
    /// (<see cref="CurrentDeployment"/> is null) and the next deployment there replaces nothing. Ending it again keeps the first end.
    /// </summary>
    /// <returns>The end in force: the new one, or the one it already had.</returns>
    /// <exception cref="UsageException">No such deployment, or it never served.</exception>
    public DeploymentEnd RecordEnd(long deploymentId, string by, string reason) => connection.Write(() =>
    {
        if (ReadEnd(deploymentId) is { } ended)
        {
            return ended;
        }

        if (Convert.ToInt64(connection.Scalar("SELECT count(*) FROM deployments WHERE id = @id AND outcome = 'serving'", ("@id", deploymentId)),
            CultureInfo.InvariantCulture) == 0)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"Deployment {deploymentId} did not serve, so it cannot be ended."));
        }

        connection.Execute(
            "INSERT INTO deployment_ends (deployment_id, ended_ms, ended_by, reason) VALUES (@id, @now, @by, @reason)",
            ("@id", deploymentId), ("@now", Milliseconds(connection.Now())), ("@by", by), ("@reason", reason));
        return ReadEnd(deploymentId)!;
    });

    /// <summary>The end of deployment <paramref name="deploymentId"/>, or null while it was not ended.</summary>
    public DeploymentEnd? EndOf(long deploymentId) => connection.Read(() => ReadEnd(deploymentId));

    private DeploymentEnd? ReadEnd(long deploymentId) => connection.Query(
        "SELECT deployment_id, ended_ms, ended_by, reason FROM deployment_ends WHERE deployment_id = @id",
        ReadEndRow, ("@id", deploymentId)).FirstOrDefault();

    private static DeploymentEnd ReadEndRow(DbDataReader row) => new(row.GetInt64(0), Moment(row.GetInt64(1)), row.GetString(2), row.GetString(3));
}
