using System.Globalization;
using MlOps.Tasks.Containers;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Deployment;

/// <summary>
/// Deploy and Rollback. A new server starts beside the one serving (both on the environment's port), passes
/// its checks on a port of its own, and only then is the old one stopped, the deployment recorded and the
/// alias <c>production</c> moved. A server that fails its checks is stopped and recorded as failed; the old
/// one never stops serving.
/// </summary>
public static class Deployer
{
    /// <summary>The alias that follows what is deployed.</summary>
    public const string Alias = "production";

    /// <summary>How many held-out rows a new deployment scores before it takes over.</summary>
    public const int SmokeRowCount = 5;

    /// <summary>Deploys the staging version, unless the same server already serves.</summary>
    /// <exception cref="QualityGateException">No version passed the gates.</exception>
    /// <exception cref="MlOps.Models.Bundles.BundleVerificationException">The bundle's signature does not verify; nothing was started.</exception>
    /// <exception cref="UsageException">The image is missing or of another version.</exception>
    /// <exception cref="ContainerException">The new server failed its checks; the old one still serves.</exception>
    public static async Task<DeployOutcome> DeployAsync(DeployRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = request.Workspace.Pipeline.Name;
        var staged = VerifiedVersion.Staging(request.StoreFolder, model);
        var (image, server) = Program(request, staged);
        var current = Current(request);
        if (!request.Force && current is not null && current.BundleSha256 == staged.Bundle.Sha256 && current.Image == image?.Id && current.Server == server
            && await request.Target.IsRunningAsync(Running(current), cancellationToken).ConfigureAwait(false))
        {
            return new DeployOutcome(current, null, Unchanged: true);
        }

        var rows = SmokeRows.Of(request.Workspace, staged.Version.Version, SmokeRowCount);
        return await SwapAsync(request, DeploymentAction.Deploy, staged, image?.Id, image?.Digest, server, rows, current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the environment to the deployment the current one replaced (twice: back again).</summary>
    /// <exception cref="UsageException">Nothing is deployed there, or nothing was before it, or its image or server is gone.</exception>
    /// <exception cref="MlOps.Models.Bundles.BundleVerificationException">That version's bundle no longer verifies; nothing was started.</exception>
    /// <exception cref="ContainerException">The restored server failed its checks; the current one still serves.</exception>
    public static async Task<DeployOutcome> RollbackAsync(DeployRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = request.Workspace.Pipeline.Name;
        var current = Current(request)
            ?? throw new UsageException($"Nothing is deployed to '{request.Environment}'; run ./build.sh --target=Deploy --environment={request.Environment} first.");
        DeploymentRecord previous;
        ModelVersion version;
        using (var store = TrackingStore.Open(request.StoreFolder))
        {
            previous = (current.Replaces is { } replaced ? store.FindDeployment(replaced) : null)
                ?? throw new UsageException($"v{current.Version} is the first deployment to '{request.Environment}'; there is nothing to roll back to.");
            version = store.GetVersion(model, previous.Version.ToString(CultureInfo.InvariantCulture));
        }

        if (previous.Server is { } server && !Directory.Exists(server))
        {
            throw new UsageException($"The server program v{previous.Version} ran from ({server}) is gone; deploy that version again instead.");
        }

        var restored = VerifiedVersion.Of(request.StoreFolder, version);
        return await SwapAsync(request, DeploymentAction.Rollback, restored, previous.Image, previous.ImageDigest, previous.Server, rows: null, current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The running server of a recorded deployment.</summary>
    public static RunningServer Running(DeploymentRecord deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new RunningServer(deployment.RunsAs ?? "", deployment.Folder);
    }

    private static async Task<DeployOutcome> SwapAsync(DeployRequest request, DeploymentAction action, VerifiedVersion deployed, string? image, string? digest,
        string? server, SmokeRows? rows, DeploymentRecord? current, CancellationToken cancellationToken)
    {
        var key = Guid.CreateVersion7().ToString("N");
        var start = new ServerStart
        {
            Key = key,
            Folder = Path.Combine(request.StoreFolder, "deployments", request.Environment, key),
            Model = deployed.Version.Model,
            Version = deployed.Version.Version,
            Bundle = deployed.Version.Source,
            PublicKey = deployed.PublicKey,
            Port = request.Port,
            CheckPort = Serving.LoopbackPort.Free(),
            Image = image,
            ImageDigest = digest,
            Server = server,
        };
        var record = new DeploymentRecord
        {
            Key = key,
            Folder = start.Folder,
            Model = start.Model,
            Environment = request.Environment,
            Kind = request.Target.Kind,
            Action = action,
            Serving = true,
            Version = start.Version,
            BundleSha256 = deployed.Bundle.Sha256,
            Image = image,
            ImageDigest = digest,
            Server = server,
            Address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{start.Port}"),
            Replaces = current?.Id,
            DeployedBy = request.By,
        };
        Directory.CreateDirectory(start.Folder);
        var running = await request.Target.StartAsync(start, cancellationToken).ConfigureAwait(false);
        record = record with { RunsAs = running.RunsAs };
        try
        {
            await ServerCheck.RunAsync(request.Target, running, start.CheckPort, deployed.Bundle.Sha256, rows, request.HealthTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ContainerException or HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            await request.Target.StopAsync(running, CancellationToken.None).ConfigureAwait(false);
            Record(request, record with { Serving = false, Message = e.Message });
            var still = current is null ? "nothing was deployed there before" : $"v{current.Version} still serves {current.Address}";
            throw new ContainerException($"{action} of v{start.Version} to '{request.Environment}' stopped: the new server failed its checks, so it was stopped and {still}. {e.Message}", e);
        }

        if (current is not null)
        {
            await request.Target.StopAsync(Running(current), CancellationToken.None).ConfigureAwait(false);
        }

        return new DeployOutcome(Record(request, record), current, Unchanged: false);
    }

    // The image or server program a deploy of the staging version runs.
    private static (ImageRecord? Image, string? Server) Program(DeployRequest request, VerifiedVersion staged)
    {
        if (request.Target.Kind == EnvironmentKind.Local)
        {
            return (null, LocalTarget.Install(request.Serving ?? throw new ArgumentException("A local deployment needs the server program.", nameof(request)), request.StoreFolder));
        }

        var image = request.Image;
        return image is not null && image.BundleSha256 == staged.Bundle.Sha256 ? (image, null)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{(image is null ? "No image was built" : $"The image built last holds v{image.Version}")} for staging v{staged.Version.Version}; run ./build.sh --target=BuildImage --environment={request.Environment} first."));
    }

    private static DeploymentRecord? Current(DeployRequest request)
    {
        using var store = TrackingStore.Open(request.StoreFolder);
        return store.CurrentDeployment(request.Workspace.Pipeline.Name, request.Environment);
    }

    private static DeploymentRecord Record(DeployRequest request, DeploymentRecord record)
    {
        using var store = TrackingStore.Open(request.StoreFolder);
        return store.RecordDeployment(record, Alias);
    }
}
