using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>What Deploy or Rollback did.</summary>
/// <param name="Deployment">What serves the environment now.</param>
/// <param name="Replaced">What served it before, now stopped; null when nothing did.</param>
/// <param name="Unchanged">True when the same server already served, so nothing was started.</param>
/// <param name="Warning">What went wrong after the new server took over (the old one could not be stopped); null when nothing did.</param>
/// <param name="Marked">For Rollback: the mark on the version it left, which Deploy will not roll forward to unless named; else null.</param>
/// <param name="Cleared">The mark this deployment cleared on the version it deployed (named, or returned to), or null.</param>
public sealed record DeployOutcome(
    DeploymentRecord Deployment, DeploymentRecord? Replaced, bool Unchanged, string? Warning = null, VersionMark? Marked = null, VersionMark? Cleared = null)
{
    /// <summary>Whether alias <c>production</c> moved to the deployment's version: only a deployment to the production environment moves it.</summary>
    public bool ProductionMoved { get; init; }
}
