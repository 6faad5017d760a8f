using Docker.DotNet;

namespace MlOps.Tasks.Containers;

/// <summary>The Docker daemon the build talks to: <c>DOCKER_HOST</c> when set, else Docker's default unix socket.</summary>
public static class DockerDaemon
{
    /// <summary>How long the daemon may take to answer before the build says it is not reachable.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Where the daemon listens.</summary>
    public static Uri Endpoint =>
        new(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock");

    /// <summary>A client for the daemon, once it has answered a ping within <paramref name="timeout"/>.</summary>
    /// <exception cref="ContainerException">The daemon did not answer; the message says how to start it.</exception>
    public static async Task<DockerClient> ConnectAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var endpoint = Endpoint;
#pragma warning disable CA2000 // The client owns its configuration's handler; both are disposed with the client or below.
        var client = new DockerClientConfiguration(endpoint).CreateClient();
#pragma warning restore CA2000
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await client.System.PingAsync(wait.Token).ConfigureAwait(false);
            return client;
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or IOException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            client.Dispose();
            throw new ContainerException(
                $"Docker is not reachable at {endpoint} ({e.GetBaseException().Message}). Start it with `dockerd --bridge=none --iptables=false` or set DOCKER_HOST.", e);
        }
    }
}
