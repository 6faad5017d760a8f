using System.Data.Common;
using MlOps.Tasks.Pipeline;
using static MlOps.Tasks.Tracking.StoreConnection;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// The deployment history of the tracking store: every deployment and rollback of a model to an environment, failed ones
/// included, and the servers started for them.
/// </summary>
public sealed partial class DeploymentHistory
{
    private const string DeploymentColumns =
        "id, key, folder, model, environment, kind, action, outcome, version, bundle_sha256, image, image_digest, server, address, runs_as, " +
        "replaces, deployed_ms, deployed_by, message";

    // In the order of DeploymentColumns after id.
    private const string DeploymentParameters =
        "@key, @folder, @model, @environment, @kind, @action, @outcome, @version, @bundle, @image, @digest, @server, @address, @runsAs, " +
        "@replaces, @now, @by, @message";

    private readonly StoreConnection connection;
    private readonly ModelRegistry registry;

    internal DeploymentHistory(StoreConnection connection, ModelRegistry registry)
    {
        this.connection = connection;
        this.registry = registry;
    }

    /// <summary>
    /// Appends <paramref name="deployment"/> to the deployment history and, when it is serving and <paramref name="alias"/> is given,
    /// points that alias at its version in the same transaction.
    /// </summary>
    /// <param name="deployment">The deployment, serving or failed.</param>
    /// <param name="alias">The alias that follows this environment's deployments (<c>production</c> for the production environment), or null.</param>
    /// <returns>The record with its number and time.</returns>
    /// <exception cref="UsageException">The model or version is not registered.</exception>
    public DeploymentRecord RecordDeployment(DeploymentRecord deployment, string? alias)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (alias is not null)
        {
            ModelReference.CheckAlias(alias);
        }

        var now = connection.Now();
        return connection.Write(() =>
        {
            var versions = registry.ReadVersions(deployment.Model);
            if (versions.Count == 0)
            {
                throw registry.NotRegistered(deployment.Model);
            }

            if (!versions.Any(registered => registered.Version == deployment.Version))
            {
                throw ModelRegistry.NoSuchVersion(deployment.Model, deployment.Version, versions);
            }

            var id = Convert.ToInt64(connection.Scalar(
                $"""
                INSERT INTO deployments ({DeploymentColumns[4..]})
                VALUES ({DeploymentParameters})
                RETURNING id
                """,
                ("@key", deployment.Key), ("@folder", deployment.Folder), ("@model", deployment.Model), ("@environment", deployment.Environment),
                ("@kind", Word(deployment.Kind)), ("@action", Word(deployment.Action)), ("@outcome", deployment.Serving ? "serving" : "failed"),
                ("@version", deployment.Version), ("@bundle", deployment.BundleSha256), ("@image", deployment.Image),
                ("@digest", deployment.ImageDigest), ("@server", deployment.Server), ("@address", deployment.Address), ("@runsAs", deployment.RunsAs),
                ("@replaces", deployment.Replaces),
                ("@now", Milliseconds(now)), ("@by", deployment.DeployedBy), ("@message", deployment.Message)),
                System.Globalization.CultureInfo.InvariantCulture);
            if (deployment.Serving && alias is not null)
            {
                var reason = deployment.Action == DeploymentAction.Deploy
                    ? $"deployed to {deployment.Environment}"
                    : $"rolled back {deployment.Environment}";
                registry.MoveAlias(deployment.Model, alias, deployment.Version, deployment.DeployedBy, reason, now);
            }

            return deployment with { Id = id, Deployed = now };
        });
    }

    /// <summary>The deployments of <paramref name="model"/> to <paramref name="environment"/>, oldest first, failed ones included.</summary>
    public IReadOnlyList<DeploymentRecord> Of(string model, string environment) => connection.Read(() => connection.Query(
        $"SELECT {DeploymentColumns} FROM deployments WHERE model = @model AND environment = @environment ORDER BY id",
        ReadDeployment, ("@model", model), ("@environment", environment)));

    /// <summary>
    /// What serves <paramref name="model"/> in <paramref name="environment"/>: its last deployment that took over, unless Undeploy ended it;
    /// null when none did or it was ended.
    /// </summary>
    public DeploymentRecord? CurrentDeployment(string model, string environment) => connection.Read(() => connection.Query(
        $"SELECT {DeploymentColumns} FROM (SELECT * FROM deployments " +
        "WHERE model = @model AND environment = @environment AND outcome = 'serving' ORDER BY id DESC LIMIT 1) latest " +
        "WHERE NOT EXISTS (SELECT 1 FROM deployment_ends e WHERE e.deployment_id = latest.id)",
        ReadDeployment, ("@model", model), ("@environment", environment)).FirstOrDefault());

    /// <summary>Every deployment of <paramref name="model"/>, to any environment, oldest first, failed ones included.</summary>
    public IReadOnlyList<DeploymentRecord> OfModel(string model) => connection.Read(() => connection.Query(
        $"SELECT {DeploymentColumns} FROM deployments WHERE model = @model ORDER BY id", ReadDeployment, ("@model", model)));

    /// <summary>The server programs that deployments of models other than <paramref name="model"/> ran (a store may hold several pipelines).</summary>
    public IReadOnlyList<string> ServersBesides(string model) => connection.Read(() => connection.Query(
        "SELECT DISTINCT server FROM deployments WHERE model <> @model AND server IS NOT NULL", row => row.GetString(0), ("@model", model)));

    /// <summary>The deployment numbered <paramref name="id"/>, or null.</summary>
    public DeploymentRecord? FindDeployment(long id) => connection.Read(() => connection.Query(
        $"SELECT {DeploymentColumns} FROM deployments WHERE id = @id", ReadDeployment, ("@id", id)).FirstOrDefault());

    private static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static DeploymentRecord ReadDeployment(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        Key = row.GetString(1),
        Folder = row.GetString(2),
        Model = row.GetString(3),
        Environment = row.GetString(4),
        Kind = Enum.Parse<EnvironmentKind>(row.GetString(5), ignoreCase: true),
        Action = Enum.Parse<DeploymentAction>(row.GetString(6), ignoreCase: true),
        Serving = row.GetString(7) == "serving",
        Version = row.GetInt32(8),
        BundleSha256 = row.GetString(9),
        Image = row.IsDBNull(10) ? null : row.GetString(10),
        ImageDigest = row.IsDBNull(11) ? null : row.GetString(11),
        Server = row.IsDBNull(12) ? null : row.GetString(12),
        Address = row.GetString(13),
        RunsAs = row.IsDBNull(14) ? null : row.GetString(14),
        Replaces = row.IsDBNull(15) ? null : row.GetInt64(15),
        Deployed = Moment(row.GetInt64(16)),
        DeployedBy = row.GetString(17),
        Message = row.IsDBNull(18) ? null : row.GetString(18),
    };
}
