namespace MlOps.Tasks.Containers;

/// <summary>
/// Docker could not do what a build asked: the daemon is not reachable, an image did not build or
/// import, or a container failed its smoke test. The message names what failed and the next step.
/// </summary>
public sealed class ContainerException : Exception
{
    /// <summary>Creates the exception with the message users read.</summary>
    public ContainerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message users read and the failure underneath.</summary>
    public ContainerException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ContainerException()
    {
    }
}
