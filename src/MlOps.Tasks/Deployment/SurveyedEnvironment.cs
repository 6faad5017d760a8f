using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Deployment;

/// <summary>One environment as Status found it.</summary>
/// <param name="Status">Its deployment, whether that runs, and what its address answers.</param>
/// <param name="Busy">Why servers were not checked for strays (a Deploy or Rollback is running), or null.</param>
/// <param name="Stopped">The servers a killed Deploy left that were stopped, one line each.</param>
public sealed record SurveyedEnvironment(EnvironmentStatus Status, string? Busy, IReadOnlyList<string> Stopped)
{
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
}
