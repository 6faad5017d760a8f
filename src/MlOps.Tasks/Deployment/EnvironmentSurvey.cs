using System.Runtime.CompilerServices;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>Status: what runs where, environment by environment, after stopping the servers a killed Deploy left.</summary>
public static class EnvironmentSurvey
{
    /// <summary>The columns of <see cref="SurveyedEnvironment.Cells"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["Environment", "Kind", "Version", "Address", "Runs as", "Running", "Health", "Deployed", "By"];

    /// <summary>
    /// Asks each environment of <paramref name="pipeline"/> in the order of the pipeline file, yielding each as it is asked; a
    /// <c>kubernetes</c> one is asked through <paramref name="askCluster"/> (environment, current deployment).
    /// </summary>
    public static async IAsyncEnumerable<SurveyedEnvironment> RunAsync(StoreLocation store, PipelineDefinition pipeline,
        Func<string, DeploymentRecord?, CancellationToken, Task<EnvironmentStatus>> askCluster, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(askCluster);
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var (name, settings) in pipeline.Environments)
        {
            DeploymentRecord? current;
            using (var tracking = TrackingStore.Open(store))
            {
                current = tracking.Deployments.CurrentDeployment(pipeline.Name, name);
            }

            if (settings.Kind == EnvironmentKind.Kubernetes)
            {
                yield return new SurveyedEnvironment(await askCluster(name, current, cancellationToken).ConfigureAwait(false), null, []);
                continue;
            }

            var stopped = new List<string>();
            string? busy = null;
            EnvironmentStatus status;
            try
            {
                using var connection = await TargetConnection.ConnectAsync(settings.Kind, cancellationToken).ConfigureAwait(false);
                busy = await StopStraysAsync(store, pipeline.Name, name, connection.Target, stopped, cancellationToken).ConfigureAwait(false);
                status = await EnvironmentStatus.CheckAsync(name, settings.Kind, current, connection.Target, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ContainerException or UsageException)
            {
                // Docker does not answer, or the kind cannot be deployed yet: what the address answers is still worth showing.
                status = await EnvironmentStatus.CheckAsync(name, settings.Kind, current, null, cancellationToken).ConfigureAwait(false);
            }

            yield return new SurveyedEnvironment(status, busy, stopped);
        }
    }

    // What answers on an environment's port is what the registry says serves: servers a killed Deploy left are stopped first.
    private static async Task<string?> StopStraysAsync(
        StoreLocation store, string model, string environment, IDeploymentTarget target, List<string> stopped, CancellationToken cancellationToken)
    {
        var lines = await StrayServers.StopWhenIdleAsync(store, model, environment, target, cancellationToken).ConfigureAwait(false);
        if (lines is null)
        {
            return $"Status: a Deploy or Rollback to '{environment}' is running; what it is starting is shown once it finishes.";
        }

        stopped.AddRange(lines);
        return null;
    }
}
