using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>What Undeploy did.</summary>
/// <param name="Ended">The deployment that served the environment and no longer does; null when nothing was deployed there.</param>
/// <param name="End">The record of its end (table <c>deployment_ends</c>); null when nothing was deployed.</param>
/// <param name="Stopped">What was stopped or deleted, e.g. <c>pid 4242</c>, <c>container 4203e0e261ac</c>, <c>Deployment ml/model-prod</c>.</param>
/// <param name="Warning">Why something could not be stopped, or null.</param>
public sealed record UndeployOutcome(DeploymentRecord? Ended, DeploymentEnd? End, IReadOnlyList<string> Stopped, string? Warning = null)
{
    /// <summary>Nothing was deployed: nothing stopped, nothing recorded.</summary>
    public static UndeployOutcome Nothing { get; } = new(null, null, []);

    /// <summary>What Undeploy records as the reason of an end.</summary>
    public const string Reason = "undeployed";
}
