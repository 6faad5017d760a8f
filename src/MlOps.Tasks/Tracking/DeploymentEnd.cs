namespace MlOps.Tasks.Tracking;

/// <summary>Undeploy's record that a serving deployment stopped serving (table <c>deployment_ends</c>).</summary>
/// <param name="DeploymentId">The deployment that was serving.</param>
/// <param name="Ended">When it was stopped.</param>
/// <param name="EndedBy">Who stopped it (<c>$USER</c>).</param>
/// <param name="Reason">Why, as the build says it, e.g. <c>undeployed</c>.</param>
public sealed record DeploymentEnd(long DeploymentId, DateTimeOffset Ended, string EndedBy, string Reason);
