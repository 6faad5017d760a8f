using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>A kind of place a scoring server is deployed to: starts, checks and stops servers there.</summary>
public interface IDeploymentTarget
{
    /// <summary>The kind of environment.</summary>
    EnvironmentKind Kind { get; }

    /// <summary>Starts a server in the background.</summary>
    Task<RunningServer> StartAsync(ServerStart start, CancellationToken cancellationToken);

    /// <summary>Whether the server still runs.</summary>
    Task<bool> IsRunningAsync(RunningServer server, CancellationToken cancellationToken);

    /// <summary>The end of the server's output, for error messages.</summary>
    Task<string> LogTailAsync(RunningServer server, CancellationToken cancellationToken);

    /// <summary>Stops the server gracefully (it finishes requests in flight and flushes its audit log); does nothing when it is gone.</summary>
    Task StopAsync(RunningServer server, CancellationToken cancellationToken);
}
