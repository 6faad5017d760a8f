namespace MlOps.Tasks.Kubernetes;

/// <summary>
/// The cluster did not do what a deployment asked: the API refused or failed, or a wait ran out. The message names the
/// resource, the reason and the state the deployment left the cluster in.
/// </summary>
public sealed class ClusterException : Exception
{
    /// <summary>Creates the exception with the message users read.</summary>
    public ClusterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message users read and the failure underneath.</summary>
    public ClusterException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ClusterException()
    {
    }
}
