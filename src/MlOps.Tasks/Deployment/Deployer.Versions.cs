using System.Globalization;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

public static partial class Deployer
{
    /// <summary>
    /// Refuses to deploy <paramref name="version"/> to <paramref name="environment"/> when a Rollback left it there and it was not named
    /// (<c>--version</c>): Deploy would roll forward to what was just rolled back.
    /// </summary>
    /// <exception cref="QualityGateException">The version is marked as rolled back from the environment and was not named.</exception>
    public static void RefuseRolledBack(TrackingStore store, string environment, ModelVersion version, bool named)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(version);
        if (!named && store.Deployments.MarkOf(version.Model, environment, version.Version) is { } mark)
        {
            throw new QualityGateException(string.Create(CultureInfo.InvariantCulture,
                $"v{mark.Version} was rolled back from '{environment}' by deployment {mark.DeploymentId}; "
                + $"deploy it with --version={mark.Version}, or train a new version."));
        }
    }

    // Held-out rows scored as Validate did, when the artifacts hold that version's predictions; a named older version is checked as Rollback checks.
    private static SmokeRows? Rows(DeployRequest request, int version) =>
        SmokeRows.OfNamed(request.Workspace, version, named: request.Version is not null, SmokeRows.Count);

    // A deployment of a named version clears the mark a Rollback left on it.
    private static VersionMark? ClearNamed(DeployRequest request, ModelVersion version)
    {
        if (request.Version is null)
        {
            return null;
        }

        using var store = TrackingStore.Open(request.Store);
        return store.Deployments.ClearMark(version.Model, request.Environment, version.Version);
    }
}
