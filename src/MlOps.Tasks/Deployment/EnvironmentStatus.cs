using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>What runs in an environment: its current deployment, whether that still runs, and what its port answers.</summary>
/// <param name="Environment">The environment's name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Current">Its current deployment; null when nothing was deployed.</param>
/// <param name="Running">Whether the deployment's process or container runs; null when that cannot be asked (Docker unreachable).</param>
/// <param name="Health">What the address answers: <c>healthy</c>, <c>not answering</c>, or which other bundle it serves.</param>
public sealed record EnvironmentStatus(string Environment, EnvironmentKind Kind, DeploymentRecord? Current, bool? Running, string Health)
{
    /// <summary>Asks the target and the deployment's address.</summary>
    /// <param name="environment">The environment's name.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="current">Its current deployment, or null.</param>
    /// <param name="target">The target to ask, or null when it cannot be reached.</param>
    /// <param name="cancellationToken">Stops asking.</param>
    public static async Task<EnvironmentStatus> CheckAsync(string environment, EnvironmentKind kind, DeploymentRecord? current, IDeploymentTarget? target,
        CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return new EnvironmentStatus(environment, kind, null, false, "nothing deployed");
        }

        bool? running = target is null ? null : await target.IsRunningAsync(Deployer.Running(current), cancellationToken).ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = new Uri(current.Address + "/"), Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var health = await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (!health.IsSuccessStatusCode)
            {
                return new EnvironmentStatus(environment, kind, current, running, $"/health answers {(int)health.StatusCode}");
            }

            using var version = await http.GetAsync(new Uri("version", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var served = version.IsSuccessStatusCode ? ServerCheck.BundleOf(await version.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) : null;
            return new EnvironmentStatus(environment, kind, current, running,
                served == current.BundleSha256 ? "healthy" : $"healthy, but serves another bundle ({(served is { Length: >= 12 } ? served[..12] : "unknown")})");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new EnvironmentStatus(environment, kind, current, running, "not answering");
        }
    }
}
