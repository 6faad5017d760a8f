namespace MlOps.Tasks.ServerProcesses;

/// <summary>
/// A started scoring server failed its checks: it stopped or did not answer /health in time, served another
/// bundle, or answered the smoke rows wrongly. The message names what failed and holds the server's log.
/// </summary>
public sealed class ServerCheckException : Exception
{
    /// <summary>Creates the exception with the message users read.</summary>
    public ServerCheckException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message users read and the failure underneath.</summary>
    public ServerCheckException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ServerCheckException()
    {
    }
}
