namespace MlOps.Tasks.Tracking;

/// <summary>Where a run is in its life, as in MLflow.</summary>
public enum RunStatus
{
    /// <summary>Started and not yet ended.</summary>
    Running,

    /// <summary>Ended successfully.</summary>
    Finished,

    /// <summary>Ended with an error.</summary>
    Failed,

    /// <summary>Stopped from outside (cancelled, interrupted).</summary>
    Killed,
}
