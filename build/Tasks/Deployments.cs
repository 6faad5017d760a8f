using System.Globalization;
using System.Runtime.InteropServices;
using Cake.Core.Diagnostics;
using Docker.DotNet;
using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;

using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

/// <summary>What Deploy, Rollback and Status share: the environment's target, the request, the report.</summary>
internal static class Deployments
{
    /// <summary>The target of an environment kind; for docker, a client of the daemon (which must answer within 5 s).</summary>
    /// <exception cref="ContainerException">Docker is not reachable.</exception>
    public static async Task<Connection> ConnectAsync(EnvironmentKind kind) => kind switch
    {
        EnvironmentKind.Local => new Connection(new LocalTarget(), null),
        EnvironmentKind.Docker => Docker(await DockerDaemon.ConnectAsync(DockerDaemon.ConnectTimeout).ConfigureAwait(false)),
        _ => throw new UsageException($"Deploying to {kind.ToString().ToLowerInvariant()} environments is not built yet; use a local or docker environment."),
    };

    /// <summary>
    /// Runs Deploy or Rollback against the build's environment (<c>--environment</c>) with a token that
    /// Ctrl+C and SIGTERM cancel, so a build stopped mid-deploy stops the server it was starting.
    /// </summary>
    public static async Task<DeployOutcome> RunAsync(BuildContext context, Func<DeployRequest, CancellationToken, Task<DeployOutcome>> work, ImageRecord? image = null)
    {
        using var stop = new CancellationTokenSource();
        void Cancel(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var connection = await ConnectAsync(context.DeploymentEnvironment.Kind).ConfigureAwait(false);
        var outcome = await work(Request(context, connection.Target) with { Image = image }, stop.Token).ConfigureAwait(false);
        if (outcome.Warning is { } warning)
        {
            context.Log.Warning(warning);
        }

        return outcome;
    }

    private static DeployRequest Request(BuildContext context, IDeploymentTarget target) => new()
    {
        Workspace = new PipelineWorkspace { Pipeline = context.Pipeline, RepositoryRoot = context.RepositoryRoot, ArtifactsFolder = context.ArtifactsFolder },
        StoreFolder = context.StoreFolder,
        Environment = context.EnvironmentName,
        Settings = context.DeploymentEnvironment,
        Target = target,
        Serving = ServerPrograms.Framework,
        Force = context.Force,
        Say = line => context.Log.Warning(line),
    };

    public static void Report(BuildContext context, DeployOutcome outcome)
    {
        var (deployment, replaced) = (outcome.Deployment, outcome.Replaced);
        var where = deployment.Image is { } image ? $"image {image[7..19]}" : $"pid {deployment.RunsAs}";
        var before = replaced is null ? "" : $"; v{replaced.Version} (deployment {replaced.Id}) stopped";
        context.Log.Information(string.Create(CultureInfo.InvariantCulture,
            $"{deployment.Action}: v{deployment.Version} serves {deployment.Address} in '{deployment.Environment}' ({where}, deployment {deployment.Id}){before}; {ModelAliases.Production} -> v{deployment.Version}"));
        context.Note(string.Create(CultureInfo.InvariantCulture, $"v{deployment.Version} on {deployment.Address}"));
    }

    private static Connection Docker(DockerClient client) => new(new DockerTarget(client), client);

    /// <summary>A target and the client it uses, closed together.</summary>
    public sealed class Connection(IDeploymentTarget target, IDisposable? client) : IDisposable
    {
        public IDeploymentTarget Target { get; } = target;

        public void Dispose() => client?.Dispose();
    }
}
