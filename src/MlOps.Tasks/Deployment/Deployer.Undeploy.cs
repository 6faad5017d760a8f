using System.Globalization;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

public static partial class Deployer
{
    /// <summary>
    /// Stops what serves the environment (and any stray server of it) and records the deployment as ended, so that the environment
    /// serves nothing: Status says so, Rollback has nothing to return from and the next Deploy replaces nothing. Aliases do not move.
    /// With nothing deployed, does nothing (it is not an error: undeploying twice leaves the same state).
    /// </summary>
    /// <exception cref="Containers.ContainerException">Another Deploy, Rollback or Undeploy to the environment runs, or the server could not be stopped.</exception>
    public static async Task<UndeployOutcome> UndeployAsync(DeployRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var exclusive = EnvironmentLock.Take(request);
        await StopStraysAsync(request, cancellationToken).ConfigureAwait(false);
        if (Current(request) is not { } current)
        {
            return UndeployOutcome.Nothing;
        }

        var runsAs = current.Kind == EnvironmentKind.Local ? $"pid {current.RunsAs}" : $"container {current.RunsAs?[..Math.Min(12, current.RunsAs.Length)]}";
        string? warning = null;
        IReadOnlyList<string> stopped = [];
        if (current.Kind != request.Target.Kind)
        {
            // The pipeline file changed the environment's kind; this target cannot reach the other kind's server.
            warning = $"v{current.Version} ran as {Word(current.Kind)} ({runsAs}), but '{request.Environment}' is {Word(request.Target.Kind)} now; "
                + "it was not stopped: stop it by hand.";
        }
        else if (await request.Target.IsRunningAsync(Running(current), cancellationToken).ConfigureAwait(false))
        {
            // Not cancellable: once begun, a stop finishes, as in a Deploy's swap.
            await request.Target.StopAsync(Running(current), CancellationToken.None).ConfigureAwait(false);
            stopped = [runsAs];
        }

        using var store = TrackingStore.Open(request.Store);
        var end = store.Deployments.RecordEnd(current.Id, request.By, UndeployOutcome.Reason);
        return new UndeployOutcome(current, end, stopped, warning);
    }

    /// <summary>The line Undeploy says of what it did, without the leading task name.</summary>
    public static string Describe(UndeployOutcome outcome, string environment)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Ended is not { } ended)
        {
            return $"nothing to undeploy in '{environment}': nothing is deployed there";
        }

        var (verb, none) = ended.Kind == EnvironmentKind.Kubernetes ? ("deleted", "its objects were gone already") : ("stopped", "nothing was running");
        var stopped = outcome.Stopped.Count == 0 ? none : $"{verb} {string.Join(", ", outcome.Stopped)}";
        return string.Create(CultureInfo.InvariantCulture,
            $"v{ended.Version} no longer serves {ended.Address} in '{environment}' ({stopped}; deployment {ended.Id} recorded as ended)");
    }
}
