using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Deployment;

/// <summary>One environment as Status found it.</summary>
/// <param name="Status">Its deployment, whether that runs, and what its address answers.</param>
/// <param name="Busy">Why servers were not checked for strays (a Deploy or Rollback is running), or null.</param>
/// <param name="Stopped">The servers a killed Deploy left that were stopped, one line each.</param>
public sealed record SurveyedEnvironment(EnvironmentStatus Status, string? Busy, IReadOnlyList<string> Stopped)
{
    /// <summary>
    /// Where its deployment's prediction audit log is, relative to <paramref name="repositoryRoot"/> when inside it, e.g.
    /// <c>Audit log of 'local' (deployment 3): .mlops/deployments/local/0199…/audit/predictions.jsonl</c>; null when nothing is deployed.
    /// </summary>
    public string? AuditLog(string repositoryRoot)
    {
        if (Status.Current is not { } current)
        {
            return null;
        }

        var where = current.Kind == EnvironmentKind.Kubernetes ? "in each pod, /audit/predictions.jsonl (an emptyDir; copy it out with kubectl cp)"
            : Shown(ServerProcesses.ServerStart.AuditLogOf(current.Folder), repositoryRoot);
        return $"Audit log of '{Status.Environment}' (deployment {current.Id.ToString(CultureInfo.InvariantCulture)}): {where}";
    }

    /// <summary>Its row of the Status table, in the order of <see cref="EnvironmentSurvey.Columns"/>.</summary>
    public IReadOnlyList<string> Cells
    {
        get
        {
            var current = Status.Current;
            return
            [
                Status.Environment,
                Status.Kind.ToString().ToLowerInvariant(),
                current is null ? "-" : $"v{current.Version}",
                current?.Address ?? "-",
                current is null ? "-" : current.Kind == EnvironmentKind.Docker ? $"container {current.RunsAs?[..Math.Min(12, current.RunsAs.Length)]}" : $"pid {current.RunsAs}",
                Status.Running switch { true => "yes", false => "no", null => "unknown" },
                Status.Health,
                current is null ? "-" : current.Deployed.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                current?.DeployedBy ?? "-",
            ];
        }
    }

    private static string Shown(string path, string repositoryRoot)
    {
        var relative = Path.GetRelativePath(repositoryRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
