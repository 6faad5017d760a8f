using Docker.DotNet;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Tasks.Deployment;

/// <summary>The target of an environment and the client it uses (for docker, a client of the daemon), closed together.</summary>
public sealed class TargetConnection : IDisposable
{
    private readonly IDisposable? client;

    private TargetConnection(IDeploymentTarget target, IDisposable? client) => (Target, this.client) = (target, client);

    /// <summary>Starts and stops servers in the environment.</summary>
    public IDeploymentTarget Target { get; }

    /// <summary>The target of an environment kind; for docker, a client of the daemon, which must answer within 5 s.</summary>
    /// <exception cref="ContainerException">Docker is not reachable.</exception>
    /// <exception cref="UsageException">The kind cannot be deployed to yet.</exception>
    public static async Task<TargetConnection> ConnectAsync(EnvironmentKind kind, CancellationToken cancellationToken) => kind switch
    {
        EnvironmentKind.Local => new TargetConnection(new LocalTarget(), null),
        EnvironmentKind.Docker => Docker(await DockerDaemon.ConnectAsync(DockerDaemon.ConnectTimeout, cancellationToken).ConfigureAwait(false)),
        _ => throw new UsageException($"Deploying to {kind.ToString().ToLowerInvariant()} environments is not built yet; use a local or docker environment."),
    };

    /// <inheritdoc/>
    public void Dispose() => client?.Dispose();

    private static TargetConnection Docker(DockerClient client) => new(new DockerTarget(client), client);
}
