using System.Globalization;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>
/// Servers of an environment that run although the registry does not say they serve it: started by a Deploy or
/// Rollback that was killed before it recorded the outcome (state <c>starting</c>), or replaced or failed ones a
/// killed build did not stop. On a shared port they would answer part of the production traffic, so Deploy,
/// Rollback and Status stop them before anything else.
/// </summary>
public static class StrayServers
{
    /// <summary>
    /// Stops the stray servers of <paramref name="environment"/>, unless a Deploy or Rollback to it runs now (the server
    /// it is starting is not stray); for Status.
    /// </summary>
    /// <returns>One line per server stopped; null when a Deploy or Rollback runs.</returns>
    public static async Task<IReadOnlyList<string>?> StopWhenIdleAsync(StoreLocation store, string model, string environment, IDeploymentTarget target,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!Directory.Exists(Path.Combine(store.Folder, "deployments", environment)))
        {
            return [];
        }

        using var exclusive = EnvironmentLock.TryTake(store.Folder, environment, out _);
        return exclusive is null ? null : await StopAsync(store, model, environment, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the stray servers of <paramref name="environment"/>; the caller holds the environment's lock.</summary>
    /// <returns>One line per server stopped, saying which and why.</returns>
    internal static async Task<IReadOnlyList<string>> StopAsync(StoreLocation store, string model, string environment, IDeploymentTarget target,
        CancellationToken cancellationToken)
    {
        DeploymentRecord? current;
        IReadOnlyList<DeploymentStart> starts;
        IReadOnlyList<DeploymentRecord> history;
        using (var tracking = TrackingStore.Open(store))
        {
            (current, starts, history) = (tracking.Deployments.CurrentDeployment(model, environment), tracking.Deployments.Starts(model, environment),
                tracking.Deployments.Of(model, environment));
        }

        var stopped = new List<string>();
        foreach (var (recorded, version, why) in Candidates(target.Kind, current, starts, history))
        {
            // A local server whose build was killed before it recorded the pid is found by its folder.
            var server = recorded.RunsAs.Length == 0 && target.Kind == EnvironmentKind.Local ? recorded with { RunsAs = LocalTarget.ProcessOf(recorded.Folder) ?? "" } : recorded;
            if (server.RunsAs.Length > 0 && await target.IsRunningAsync(server, cancellationToken).ConfigureAwait(false))
            {
                await target.StopAsync(server, CancellationToken.None).ConfigureAwait(false);
                var what = target.Kind == EnvironmentKind.Local ? $"pid {server.RunsAs}" : $"container {server.RunsAs[..Math.Min(12, server.RunsAs.Length)]}";
                stopped.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Stopped v{version} ({what}) in '{environment}': the registry does not say it serves there ({why})."));
            }
        }

        return stopped;
    }

    // Every server this store started in the environment but the current one; a local one only if started on this machine.
    private static IEnumerable<(RunningServer Server, int Version, string Why)> Candidates(
        EnvironmentKind kind, DeploymentRecord? current, IReadOnlyList<DeploymentStart> starts, IReadOnlyList<DeploymentRecord> history)
    {
        var outcomes = history.ToDictionary(d => d.Key, StringComparer.Ordinal);
        foreach (var start in starts.Where(s => s.Kind == kind && s.Key != current?.Key && (kind != EnvironmentKind.Local || s.Host == System.Environment.MachineName)))
        {
            var recorded = outcomes.GetValueOrDefault(start.Key);
            yield return (new RunningServer(recorded?.RunsAs ?? start.RunsAs ?? "", start.Folder), start.Version, Why(start.State, recorded, current));
        }

        // Deployments recorded before starts were.
        var started = starts.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var deployment in history.Where(d => d.Kind == kind && d.Key != current?.Key && d.RunsAs is not null && !started.Contains(d.Key)))
        {
            yield return (Deployer.Running(deployment), deployment.Version, Why(deployment.Serving ? DeploymentState.Serving : DeploymentState.Failed, deployment, current));
        }
    }

    private static string Why(DeploymentState state, DeploymentRecord? recorded, DeploymentRecord? current) => state switch
    {
        DeploymentState.Starting => "the Deploy or Rollback that started it did not finish",
        DeploymentState.Failed => $"deployment {recorded!.Id.ToString(CultureInfo.InvariantCulture)} failed its checks",
        _ => current is null ? "nothing is recorded as serving" : $"deployment {current.Id.ToString(CultureInfo.InvariantCulture)} replaced it",
    };
}
