namespace MlOps.Tasks.Tracking;

/// <summary>What started a deployment.</summary>
public enum DeploymentAction
{
    /// <summary>The Deploy task: the staging version.</summary>
    Deploy,

    /// <summary>The Rollback task: the deployment the current one replaced.</summary>
    Rollback,
}
