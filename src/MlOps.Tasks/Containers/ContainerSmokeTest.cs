using System.Diagnostics;
using System.Globalization;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Tasks.Containers;

/// <summary>
/// Runs a model image once before it is trusted: a container on the host network, listening on a
/// free loopback port, must answer /health and score sample rows on /invocations. The container is
/// stopped and removed whatever happens.
/// </summary>
public static class ContainerSmokeTest
{
    /// <summary>The label that marks smoke-test containers (value <c>smoke-test</c>).</summary>
    public const string RoleLabel = "mlops.role";

    /// <summary>Smoke-tests the request's image: /health, then the bundle /version names and the rows, when the request has them.</summary>
    /// <exception cref="ContainerException">The server exited, did not get healthy in time, named another bundle or did not score the rows.</exception>
    public static async Task<SmokeTestResult> RunAsync(IDockerClient docker, SmokeTestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(request);
        var (image, rows, timeout) = (request.Image, request.Rows, request.Timeout);
        var port = ServerProcesses.LoopbackPort.Free();
        var container = await docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = image,
                Name = "mlops-smoke-" + Guid.NewGuid().ToString("N")[..12],
                // The image binds all interfaces; on the host network, loopback only.
                Env = [$"MLOPS_PORT={port.ToString(CultureInfo.InvariantCulture)}", "MLOPS_BIND=127.0.0.1", .. request.Environment],
                Labels = new Dictionary<string, string>(request.Labels) { [RoleLabel] = "smoke-test" },

                // Read-only on the host network, as a deployment runs it.
                HostConfig = DockerTarget.HostConfig(),
            },
            cancellationToken).ConfigureAwait(false);
        try
        {
            await docker.Containers.StartContainerAsync(container.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(10) };
            var clock = Stopwatch.StartNew();
            await ServerCheck.WaitHealthyAsync(new DockerTarget(docker), new RunningServer(container.ID, ""), http, timeout, cancellationToken).ConfigureAwait(false);
            var healthy = clock.Elapsed;
            await CheckBundleAsync(http, image, request.BundleSha256, cancellationToken).ConfigureAwait(false);
            if (rows is null)
            {
                return new SmokeTestResult(healthy, null);
            }

            using var body = new StringContent(rows, Encoding.UTF8, request.ContentType);
            using var response = await http.PostAsync(new Uri("invocations", UriKind.Relative), body, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? new SmokeTestResult(healthy, answer)
                : throw new ContainerException($"The smoke test of {image} failed: /invocations answered {(int)response.StatusCode}: {answer}");
        }
        finally
        {
            await RemoveAsync(docker, container.ID).ConfigureAwait(false);
        }
    }

    private static async Task CheckBundleAsync(HttpClient http, string image, string? bundleSha256, CancellationToken cancellationToken)
    {
        if (bundleSha256 is null)
        {
            return;
        }

        using var response = await http.GetAsync(new Uri("version", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || ServerCheck.BundleOf(answer) != bundleSha256)
        {
            throw new ContainerException($"The smoke test of {image} failed: /version answered {(int)response.StatusCode}, "
                + $"naming the bundle {ServerCheck.BundleOf(answer) ?? "none"}, not {bundleSha256}.");
        }
    }

    private static async Task RemoveAsync(IDockerClient docker, string id)
    {
        // Not cancellable: a cancelled build must not leave the container running.
        await docker.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = 10 }, CancellationToken.None).ConfigureAwait(false);
        await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, CancellationToken.None).ConfigureAwait(false);
    }
}
