using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Tasks.Containers;

/// <summary>
/// The <c>docker</c> environment: the model image as a named container on the host network, read-only,
/// restarted by Docker unless stopped, running as the build's user (never root), its audit log in the
/// deployment folder (a bind mount). A stopped
/// container's log is kept in <c>server.log</c> before the container is removed; the image stays for Rollback.
/// </summary>
public sealed class DockerTarget(IDockerClient docker) : IDeploymentTarget
{
    /// <summary>The label naming a container's deployment key.</summary>
    public const string DeploymentLabel = "mlops.deployment";

    private const string AuditMount = "/var/lib/mlops/audit";
    private const int StopSeconds = 30;

    /// <inheritdoc />
    public EnvironmentKind Kind => EnvironmentKind.Docker;

    /// <summary>The container name of a deployment: <c>mlops-{model}-{environment}-{key's first 12 characters}</c>.</summary>
    public static string ContainerName(string model, string environment, string key) =>
        $"mlops-{model.ToLowerInvariant()}-{environment.ToLowerInvariant()}-{key[..12]}";

    /// <summary>
    /// How model containers run: on the host network (the server binds 127.0.0.1), with a read-only root;
    /// ML.NET unpacks the model into /tmp, so that is a tmpfs.
    /// </summary>
    public static HostConfig HostConfig(IList<string>? binds = null, RestartPolicy? restart = null) => new()
    {
        NetworkMode = "host",
        ReadonlyRootfs = true,
        Tmpfs = new Dictionary<string, string> { ["/tmp"] = "rw,noexec,nosuid,size=64m" },
        Binds = binds,
        RestartPolicy = restart,
    };

    /// <inheritdoc />
    public async Task<RunningServer> StartAsync(ServerStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var image = await ImageAsync(start, cancellationToken).ConfigureAwait(false);

        // The server runs as the build's user, so its audit log is that user's alone (0700); a build run as
        // root runs it as the image's user instead, never as root, and hands that user the folder.
        if (OperatingSystem.IsWindows())
        {
            throw new UsageException("Docker environments are deployed from Linux (or macOS); use WSL on Windows.");
        }

        Directory.CreateDirectory(start.AuditFolder);
        File.SetUnixFileMode(start.AuditFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var (user, group) = UnixUser.Current;
        if (user == 0)
        {
            (user, group) = (ImageDefinition.User, ImageDefinition.User);
            UnixUser.GiveTo(start.AuditFolder, user, group);
        }

        var environment = Path.GetFileName(Path.GetDirectoryName(start.Folder)!);
        var container = await docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = image,
                User = string.Create(CultureInfo.InvariantCulture, $"{user}:{group}"),
                Name = ContainerName(start.Model, environment, start.Key),
                Env =
                [
                    $"MLOPS_PORT={start.Port.ToString(CultureInfo.InvariantCulture)}",
                    "MLOPS_REUSE_PORT=true",
                    $"MLOPS_CHECK_PORT={start.CheckPort.ToString(CultureInfo.InvariantCulture)}",

                    // The image binds all interfaces; on the host network that would be every interface of this machine.
                    "MLOPS_BIND=127.0.0.1",
                    $"MLOPS_AUDIT_LOG={AuditMount}/predictions.jsonl",
                    $"MLOPS_AUDIT_INPUTS={(start.LogInputs ? "true" : "false")}",
                    $"MLOPS_DEPLOYMENT={start.Key}",
                    $"MLOPS_IMAGE_DIGEST={start.ImageDigest ?? image}",
                ],
                Labels = new Dictionary<string, string>
                {
                    [DeploymentLabel] = start.Key,
                    ["mlops.model.name"] = start.Model,
                    ["mlops.model.version"] = start.Version.ToString(CultureInfo.InvariantCulture),
                    ["mlops.environment"] = environment,
                },
                HostConfig = HostConfig(
                    binds: [$"{Path.GetFullPath(start.AuditFolder)}:{AuditMount}"],
                    restart: new RestartPolicy { Name = RestartPolicyKind.UnlessStopped }),
            },
            cancellationToken).ConfigureAwait(false);
        var server = new RunningServer(container.ID, start.Folder);
        try
        {
            await docker.Containers.StartContainerAsync(container.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await StopAsync(server, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsRunningAsync(RunningServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        try
        {
            var container = await docker.Containers.InspectContainerAsync(server.RunsAs, cancellationToken).ConfigureAwait(false);
            return container.State.Running && !container.State.Restarting;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<string> LogTailAsync(RunningServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        try
        {
            return await LogAsync(server.RunsAs, "40", cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            var kept = Path.Combine(server.Folder, "server.log");
            return File.Exists(kept) ? string.Join('\n', File.ReadLines(kept).TakeLast(40)) : "(no log)";
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(RunningServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        try
        {
            // Not cancellable: a cancelled build must not leave a half-stopped container behind.
            await docker.Containers.StopContainerAsync(server.RunsAs, new ContainerStopParameters { WaitBeforeKillSeconds = StopSeconds },
                CancellationToken.None).ConfigureAwait(false);
            Artifacts.AtomicFile.WriteAllText(Path.Combine(server.Folder, "server.log"), await LogAsync(server.RunsAs, "all", CancellationToken.None).ConfigureAwait(false));
            await docker.Containers.RemoveContainerAsync(server.RunsAs, new ContainerRemoveParameters { Force = true }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone.
        }
    }

    // The image by id; when the daemon no longer has it, pulled by the digest it was pushed with.
    private async Task<string> ImageAsync(ServerStart start, CancellationToken cancellationToken)
    {
        var image = start.Image ?? throw new ArgumentException("A docker deployment needs an image.", nameof(start));
        if (await ImageInspection.FindAsync(docker, image, cancellationToken).ConfigureAwait(false) is not null)
        {
            return image;
        }

        return start.ImageDigest is { } digest ? await RegistryPush.PullAsync(docker, digest, cancellationToken).ConfigureAwait(false)
            : throw new ContainerException($"The image {image} of v{start.Version} is no longer in the Docker daemon and was not pushed to a registry; deploy that version again.");
    }

    private async Task<string> LogAsync(string id, string tail, CancellationToken cancellationToken)
    {
        using var log = await docker.Containers.GetContainerLogsAsync(id, tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = tail }, cancellationToken).ConfigureAwait(false);
        var (stdout, stderr) = await log.ReadOutputToEndAsync(cancellationToken).ConfigureAwait(false);
        return (stdout + stderr).Trim();
    }
}
