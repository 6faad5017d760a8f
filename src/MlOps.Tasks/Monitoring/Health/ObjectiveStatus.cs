namespace MlOps.Tasks.Monitoring.Health;

/// <summary>How a service level objective fared.</summary>
public enum ObjectiveStatus
{
    /// <summary>The measured value is within the limit.</summary>
    Met,

    /// <summary>The measured value is past the limit.</summary>
    Breached,

    /// <summary>Nothing to measure (no traffic, or the window is unknown): neither met nor breached.</summary>
    NotMeasured,
}
