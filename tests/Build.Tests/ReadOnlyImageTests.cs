using System.Globalization;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Build.Tests;

/// <summary>The model image run as users run images they harden: <c>docker run --read-only</c>, with or without a tmpfs on /tmp.</summary>
[Category("Slow")]
public sealed class ReadOnlyImageTests
{
    [Test]
    [Category("Docker")]
    public async Task Should_Exit_2_With_One_Line_Naming_The_Tmpfs_When_Run_Read_Only_Without_One()
    {
        // Given: the staging image of the sample
        using var docker = await Docker.RequireAsync();
        using var build = BuildProgram.QuickSample();
        var built = build.Run("--target=BuildImage");
        Assert.That(built.ExitCode, Is.Zero, built.Output + built.Errors);
        var image = JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/image.json"])).RootElement.GetProperty("id").GetString()!;

        // When: it runs read-only, without a tmpfs on /tmp
        var (code, stdout, stderr) = await RunToEndAsync(docker, image);

        // Then: one line that says what to mount, not a crash
        Assert.That(code, Is.EqualTo(2), stdout + stderr);
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), stderr);
        Assert.That(stderr.Trim(), Does.StartWith("Error: Refusing to serve: ML.NET unpacks the model into the temporary folder /tmp/, "
                + "which cannot be written (Read-only file system")
            .And.EndWith("In a container run with --read-only, mount a tmpfs there (docker run --read-only --tmpfs /tmp <image>); elsewhere set TMPDIR to a writable folder."));
    }

    /// <summary>Runs the image read-only on the host network until it exits (at most 3 minutes), then removes its container.</summary>
    private static async Task<(long Code, string Stdout, string Stderr)> RunToEndAsync(DockerClient docker, string image)
    {
        var name = "mlops-test-readonly-" + Guid.NewGuid().ToString("N")[..12];
        var container = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Name = name,
            Env = [$"MLOPS_PORT={LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}", "MLOPS_BIND=127.0.0.1"],
            Labels = new Dictionary<string, string> { ["mlops.test"] = name },
            HostConfig = new HostConfig { NetworkMode = "host", ReadonlyRootfs = true },
        });
        try
        {
            await docker.Containers.StartContainerAsync(container.ID, new ContainerStartParameters());
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var exit = await docker.Containers.WaitContainerAsync(container.ID, timeout.Token);
            using var log = await docker.Containers.GetContainerLogsAsync(container.ID, tty: false,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, timeout.Token);
            var (stdout, stderr) = await log.ReadOutputToEndAsync(timeout.Token);
            return (exit.StatusCode, stdout, stderr);
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }
    }
}
