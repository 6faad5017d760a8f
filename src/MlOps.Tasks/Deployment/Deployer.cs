using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>
/// Deploy and Rollback. A new server starts beside the one serving (both on the environment's port) and
/// passes its checks on a port of its own; only then is it recorded (moving alias <c>production</c> when the environment is the
/// production one, see <see cref="EnvironmentSection.Production"/>) and the
/// old one stopped. A server that fails to start or to pass its checks — or whose deploy is interrupted — is
/// stopped and recorded as failed; the old one never stops serving. One Deploy or Rollback per environment at a time.
/// </summary>
public static partial class Deployer
{
    /// <summary>
    /// Deploys the staging version, or the version <see cref="DeployRequest.Version"/> names, unless the same server already serves at the
    /// same address. A version a Rollback left there is refused unless named; naming it clears that mark.
    /// </summary>
    /// <exception cref="QualityGateException">No version passed the gates, or staging is a version rolled back from the environment.</exception>
    /// <exception cref="MlOps.Models.Bundles.BundleVerificationException">The bundle's signature does not verify; nothing was started.</exception>
    /// <exception cref="UsageException">The named version does not exist, or the image is missing or of another version.</exception>
    /// <exception cref="ContainerException">The new server failed to start or its checks; the old one still serves.</exception>
    public static async Task<DeployOutcome> DeployAsync(DeployRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chosen = VerifiedVersion.Named(request.Store, request.Workspace.Pipeline.Name, request.Version);
        var (image, server) = Program(request, chosen);
        using var exclusive = EnvironmentLock.Take(request);
        await StopStraysAsync(request, cancellationToken).ConfigureAwait(false);
        using (var store = TrackingStore.Open(request.Store))
        {
            RefuseRolledBack(store, request.Environment, chosen.Version, named: request.Version is not null);
        }

        var current = Current(request);
        if (!request.Force && current is not null && current.BundleSha256 == chosen.Bundle.Sha256 && current.Image == image?.Id && current.Server == server
            && current.Address == Address(request) && await IsRunningAsync(request, current, cancellationToken).ConfigureAwait(false))
        {
            return new DeployOutcome(current, null, Unchanged: true, Cleared: ClearNamed(request, chosen.Version));
        }

        var rows = Rows(request, chosen.Version.Version);
        var outcome = await SwapAsync(request, DeploymentAction.Deploy, chosen, (image?.Id, image?.Digest, server), rows, current, cancellationToken)
            .ConfigureAwait(false);
        return outcome with { Cleared = ClearNamed(request, chosen.Version) };
    }

    /// <summary>Returns the environment to the deployment the current one replaced (twice: back again).</summary>
    /// <exception cref="UsageException">Nothing is deployed there, nothing was before it, it ran elsewhere, or its server program is gone.</exception>
    /// <exception cref="MlOps.Models.Bundles.BundleVerificationException">That version's bundle no longer verifies; nothing was started.</exception>
    /// <exception cref="ContainerException">The restored server failed to start or its checks; the current one still serves.</exception>
    public static async Task<DeployOutcome> RollbackAsync(DeployRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = request.Workspace.Pipeline.Name;
        using var exclusive = EnvironmentLock.Take(request);
        await StopStraysAsync(request, cancellationToken).ConfigureAwait(false);
        var current = Current(request)
            ?? throw new UsageException($"Nothing is deployed to '{request.Environment}'; run ./build.sh --target=Deploy --environment={request.Environment} first.");
        DeploymentRecord previous;
        ModelVersion version;
        using (var store = TrackingStore.Open(request.Store))
        {
            previous = (current.Replaces is { } replaced ? store.Deployments.FindDeployment(replaced) : null)
                ?? throw new UsageException($"v{current.Version} is the first deployment to '{request.Environment}'; there is nothing to roll back to.");
            version = store.Registry.GetVersion(model, previous.Version.ToString(CultureInfo.InvariantCulture));
        }

        if (previous.Kind != request.Target.Kind)
        {
            throw new UsageException($"The deployment before ({previous.Id}, v{previous.Version}) ran as {Word(previous.Kind)}, "
                + $"but '{request.Environment}' is {Word(request.Target.Kind)} now; deploy instead.");
        }

        if (previous.Server is { } server && !Directory.Exists(server))
        {
            throw new UsageException($"The server program v{previous.Version} ran from ({server}) is gone; deploy that version again instead.");
        }

        var restored = VerifiedVersion.Of(request.Store, version);
        var outcome = await SwapAsync(request, DeploymentAction.Rollback, restored, (previous.Image, previous.ImageDigest, previous.Server),
            rows: null, current, cancellationToken).ConfigureAwait(false);

        // Deploy must not roll forward to the version left behind; the version returned to is fit to serve again.
        using var marks = TrackingStore.Open(request.Store);
        var marked = current.Version == version.Version ? null
            : marks.Deployments.Mark(model, request.Environment, current.Version, outcome.Deployment.Id, request.By);
        return outcome with { Marked = marked, Cleared = marks.Deployments.ClearMark(model, request.Environment, version.Version) };
    }

    /// <summary>The running server of a recorded deployment.</summary>
    public static RunningServer Running(DeploymentRecord deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new RunningServer(deployment.RunsAs ?? "", deployment.Folder);
    }

    private static async Task<DeployOutcome> SwapAsync(DeployRequest request, DeploymentAction action, VerifiedVersion deployed,
        (string? Image, string? Digest, string? Server) program, SmokeRows? rows, DeploymentRecord? current, CancellationToken cancellationToken)
    {
        var target = request.Target;
        var key = Guid.CreateVersion7().ToString("N");
        var start = new ServerStart
        {
            Key = key,
            Folder = Path.Combine(request.Store.Folder, "deployments", request.Environment, key),
            Model = deployed.Version.Model,
            Version = deployed.Version.Version,
            Bundle = deployed.Version.Source,
            PublicKey = deployed.PublicKey,
            Port = request.Port,
            CheckPort = ServerProcesses.LoopbackPort.Free(),
            Image = program.Image,
            ImageDigest = program.Digest,
            Server = program.Server,
            LogInputs = request.Workspace.Pipeline.Monitoring.LogInputs,
        };
        var record = new DeploymentRecord
        {
            Key = key,
            Folder = start.Folder,
            Model = start.Model,
            Environment = request.Environment,
            Kind = target.Kind,
            Action = action,
            Serving = true,
            Version = start.Version,
            BundleSha256 = deployed.Bundle.Sha256,
            Image = program.Image,
            ImageDigest = program.Digest,
            Server = program.Server,
            Address = Address(request),
            Replaces = current?.Id,
            DeployedBy = request.By,
        };
        var replacing = current is not null && await IsRunningAsync(request, current, cancellationToken).ConfigureAwait(false);
        RunningServer? running = null;
        try
        {
            // Only the server being replaced may share the port; anything else there would get part of the traffic.
            if (!replacing && PortAnswers(start.Port))
            {
                throw new ContainerException($"Something already answers on 127.0.0.1:{start.Port.ToString(CultureInfo.InvariantCulture)}, "
                    + $"but no deployment to '{request.Environment}' runs there; stop what listens there, or give the environment another port.");
            }

            // Recorded before it starts, so that a build killed from here on leaves no server the registry does not know.
            Directory.CreateDirectory(start.Folder);
            RecordStart(request, start, action);
            running = await target.StartAsync(start, cancellationToken).ConfigureAwait(false);
            RecordStartedAs(request, key, running.RunsAs);
            record = record with { RunsAs = running.RunsAs };
            await ServerCheck.RunAsync(target, running, start.CheckPort, deployed.Bundle.Sha256, rows, request.HealthTimeout, cancellationToken).ConfigureAwait(false);
            record = Record(request, record);
        }
        catch (Exception e)
        {
            if (running is not null)
            {
                await StopQuietlyAsync(target, running).ConfigureAwait(false);
            }

            var reason = e is OperationCanceledException ? "the build was stopped" : e.Message;
            TryRecord(request, record with { Serving = false, Message = reason });
            var still = replacing ? $"v{current!.Version} still serves {current.Address}" : "nothing serves there";
            throw new ContainerException($"{action} of v{start.Version} to '{request.Environment}' stopped: "
                + $"the new server did not pass its checks, so it was stopped and {still}. {reason}", e);
        }

        var warning = replacing ? await StopQuietlyAsync(target, Running(current!)).ConfigureAwait(false) : null;
        return new DeployOutcome(record, current, Unchanged: false, warning is null ? null
            : $"v{current!.Version} (deployment {current.Id.ToString(CultureInfo.InvariantCulture)}, {current.RunsAs}) could not be stopped: "
                + $"{warning}. Stop it by hand; v{record.Version} serves.") { ProductionMoved = ProductionAlias(request) is not null };
    }

    // Whether a recorded deployment runs; one of another kind (the environment's kind changed) is not this target's to judge or stop.
    private static async Task<bool> IsRunningAsync(DeployRequest request, DeploymentRecord deployment, CancellationToken cancellationToken) =>
        deployment.Kind == request.Target.Kind && await request.Target.IsRunningAsync(Running(deployment), cancellationToken).ConfigureAwait(false);

    // Stops a server whatever happens; returns why it could not, or null.
    private static async Task<string?> StopQuietlyAsync(IDeploymentTarget target, RunningServer server)
    {
        try
        {
            await target.StopAsync(server, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e.Message;
        }
    }

    // The image or server program a deploy of the chosen version runs: for docker, the image of that version BuildImage recorded.
    private static (ImageRecord? Image, string? Server) Program(DeployRequest request, VerifiedVersion staged)
    {
        if (request.Target.Kind == EnvironmentKind.Local)
        {
            return (null, LocalTarget.Install(
                request.Serving ?? throw new ArgumentException("A local deployment needs the server program.", nameof(request)), request.Store.Folder));
        }

        // BuildImage ran for the same --version before Deploy, so image.json names this version's image.
        var image = DeployPlan.Built(staged.Version, request.Image);
        return image is not null ? (image, null)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{(request.Image is { } other ? $"The image built last holds v{other.Version}" : "No image was built")}, not v{staged.Version.Version}; ")
                + $"run ./build.sh --target=BuildImage{(request.Version is { } named ? " --version=" + named : "")} --environment={request.Environment} first.");
    }

    private static string Address(DeployRequest request) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{request.Port}");

    private static string Word(EnvironmentKind kind) => kind.ToString().ToLowerInvariant();

    private static bool PortAnswers(int port)
    {
        using var client = new TcpClient();
        try
        {
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    // Servers of the environment that the registry does not say serve (a killed Deploy's) go first: they share the port.
    private static async Task StopStraysAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        foreach (var line in await StrayServers.StopAsync(request.Store, request.Workspace.Pipeline.Name, request.Environment, request.Target,
            cancellationToken).ConfigureAwait(false))
        {
            request.Say?.Invoke(line);
        }
    }

    private static void RecordStart(DeployRequest request, ServerStart start, DeploymentAction action)
    {
        using var store = TrackingStore.Open(request.Store);
        store.Deployments.RecordStart(new DeploymentStart
        {
            Key = start.Key,
            Model = start.Model,
            Environment = request.Environment,
            Kind = request.Target.Kind,
            Action = action,
            Version = start.Version,
            Folder = start.Folder,
            Host = System.Environment.MachineName,

            // A container is named before it is created; a process has its id only once started.
            RunsAs = request.Target.Kind == EnvironmentKind.Docker ? DockerTarget.ContainerName(start.Model, request.Environment, start.Key) : null,
        });
    }

    private static void RecordStartedAs(DeployRequest request, string key, string runsAs)
    {
        using var store = TrackingStore.Open(request.Store);
        store.Deployments.RecordStartedAs(key, runsAs);
    }

    private static DeploymentRecord? Current(DeployRequest request)
    {
        using var store = TrackingStore.Open(request.Store);
        return store.Deployments.CurrentDeployment(request.Workspace.Pipeline.Name, request.Environment);
    }

    private static DeploymentRecord Record(DeployRequest request, DeploymentRecord record)
    {
        using var store = TrackingStore.Open(request.Store);
        return store.Deployments.RecordDeployment(record, ProductionAlias(request));
    }

    /// <summary>
    /// The alias a serving deployment to the request's environment moves: <c>production</c> for the production environment only, so that
    /// what Validate's gate compares with is what production serves, not the last deployment anywhere.
    /// </summary>
    internal static string? ProductionAlias(DeployRequest request) => request.Settings.Production ? ModelAliases.Production : null;

    // A failed attempt is recorded when the store allows; its failure must not hide why the attempt failed.
    private static void TryRecord(DeployRequest request, DeploymentRecord record)
    {
        try
        {
            Record(request, record);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or StoreUnavailableException or IOException or UsageException)
        {
            // The attempt stays in the build's output.
        }
    }
}
