namespace MlOps.Tasks.Monitoring.Health;

/// <summary>
/// The scoring server's /metrics could not be read: nothing answers at the address, it did not answer in
/// time, it refused the request, or what it answered is not the server's metrics. The message names the
/// address and the next step.
/// </summary>
public sealed class MetricsUnavailableException : Exception
{
    /// <summary>Creates the exception with the message users read.</summary>
    public MetricsUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message users read and the failure underneath.</summary>
    public MetricsUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MetricsUnavailableException()
    {
    }
}
