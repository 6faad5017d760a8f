using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>What Deploy or Rollback did.</summary>
/// <param name="Deployment">What serves the environment now.</param>
/// <param name="Replaced">What served it before, now stopped; null when nothing did.</param>
/// <param name="Unchanged">True when the same server already served, so nothing was started.</param>
/// <param name="Warning">What went wrong after the new server took over (the old one could not be stopped); null when nothing did.</param>
public sealed record DeployOutcome(DeploymentRecord Deployment, DeploymentRecord? Replaced, bool Unchanged, string? Warning = null);
