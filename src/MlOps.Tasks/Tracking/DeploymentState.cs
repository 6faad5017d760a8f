namespace MlOps.Tasks.Tracking;

/// <summary>Where a started server is in its deployment.</summary>
public enum DeploymentState
{
    /// <summary>Started; its Deploy or Rollback has not recorded an outcome (it still runs, or was killed).</summary>
    Starting,

    /// <summary>It took over the environment (it may have been replaced since).</summary>
    Serving,

    /// <summary>It failed its checks and was stopped.</summary>
    Failed,
}
