using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using MlOps.Models.Bundles;
using MlOps.Tasks.Containers;
using MlOps.Tasks.ServerProcesses;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Containers;

[Category("Slow")]
[Category("Docker")]
public class ImageBuilderTests
{
    private static ImageRequest Request(string baseImage, string? publicKey = null) => new()
    {
        ServingFolder = ServingFiles.ServingFolder,
        Bundle = ServingFiles.Bundle,
        PublicKey = publicKey ?? ServingFiles.PublicKey,
        BaseImage = baseImage,
        GitCommit = "5c93d6f0a1b2c3d4e5f60718293a4b5c6d7e8f90",
        Created = new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero),
    };

    [Test]
    public async Task Should_Build_A_Labelled_Non_Root_Image_That_Passes_Its_Smoke_Test()
    {
        // Given
        using var docker = await Docker.RequireAsync();
        using var work = new TempDirectory();
        var baseClock = Stopwatch.StartNew();
        var baseImage = await OfflineBaseImage.EnsureAsync(docker, work.Path);
        var baseTime = baseClock.Elapsed;
        var request = Request(baseImage.Tag) with { Fingerprint = "0a1b2c3d" };
        var bundleSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(ServingFiles.Bundle)));
        var clock = Stopwatch.StartNew();

        // When
        var image = await ImageBuilder.BuildAsync(docker, request);
        var built = clock.Elapsed;
        var smoke = await ContainerSmokeTest.RunAsync(docker, new SmokeTestRequest { Image = image.Tags[0], Rows = ServingFiles.Rows, BundleSha256 = bundleSha256 });

        // Then
        var inspected = await docker.Images.InspectImageAsync(image.Id);
        Assert.That(image.Tags, Is.EqualTo(new[] { $"mlops/credit-scoring:v4-{inspected.Config.Labels["mlops.bundle.sha256"][..12]}" }));
        Assert.That(inspected.Config.User, Is.EqualTo("10001:10001"));
        Assert.That(inspected.Config.Healthcheck.Test, Is.Not.Empty);
        Assert.That(inspected.Config.Labels["mlops.bundle.sha256"], Is.EqualTo(bundleSha256));
        Assert.That(inspected.Config.Labels["mlops.image.fingerprint"], Is.EqualTo("0a1b2c3d"));
        Assert.That(inspected.Config.Labels["mlops.data.md5"], Is.EqualTo("3f1c0a4b2e8d9f7a6b5c4d3e2f1a0b9c.dir"));
        Assert.That(inspected.Config.Labels["org.opencontainers.image.revision"], Is.EqualTo("5c93d6f0a1b2c3d4e5f60718293a4b5c6d7e8f90"));
        Assert.That(inspected.Config.Labels["org.opencontainers.image.created"], Is.EqualTo("2026-11-26T15:00:00Z"));
        Assert.That(smoke.Invocations, Does.Contain("predictions"));
        TestContext.Out.WriteLine($"base {baseImage.Tag} imported={baseImage.Imported} in {baseTime.TotalSeconds:0.0} s; " +
            $"image {image.Tags[0]} {image.Size / 1e6:0.0} MB built in {built.TotalSeconds:0.0} s; " +
            $"healthy after {smoke.Healthy.TotalSeconds:0.0} s; {smoke.Invocations}");
    }

    [Test]
    public async Task Should_Answer_On_Every_Interface_When_Run_Without_MLOPS_BIND()
    {
        // Given: the image on the host network, told only its port; 127.0.0.2 is loopback, but a server bound to 127.0.0.1 does not answer it
        using var docker = await Docker.RequireAsync();
        using var work = new TempDirectory();
        var baseImage = await OfflineBaseImage.EnsureAsync(docker, work.Path);
        var image = await ImageBuilder.BuildAsync(docker, Request(baseImage.Tag));
        var port = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture);
        var container = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image.Id,
            Name = "mlops-test-bind-" + Guid.NewGuid().ToString("N")[..12],
            Env = [$"MLOPS_PORT={port}"],
            HostConfig = DockerTarget.HostConfig(),
        });
        try
        {
            // When
            await docker.Containers.StartContainerAsync(container.ID, new ContainerStartParameters());
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.2:{port}/"), Timeout = TimeSpan.FromSeconds(10) };

            var healthy = () => ServerCheck.WaitHealthyAsync(new DockerTarget(docker), new RunningServer(container.ID, ""), http, TimeSpan.FromSeconds(60),
                CancellationToken.None);

            // Then: /health answers 200 there before the server stops (or a minute passes)
            await Assert.ThatAsync(healthy, Throws.Nothing);
            Assert.That((await docker.Containers.InspectContainerAsync(container.ID)).Config.Env, Does.Contain("MLOPS_BIND=0.0.0.0"));
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    [Test]
    public async Task Should_Reuse_Every_Layer_When_Nothing_Changed()
    {
        // Given
        using var docker = await Docker.RequireAsync();
        using var work = new TempDirectory();
        var baseImage = await OfflineBaseImage.EnsureAsync(docker, work.Path);
        var request = Request(baseImage.Tag);
        var first = await ImageBuilder.BuildAsync(docker, request);
        var clock = Stopwatch.StartNew();

        // When
        var second = await ImageBuilder.BuildAsync(docker, request);
        var rebuilt = clock.Elapsed;

        // Then
        Assert.That(second.Id, Is.EqualTo(first.Id));
        TestContext.Out.WriteLine($"warm rebuild of {second.Tags[0]} in {rebuilt.TotalSeconds:0.0} s");
    }

    [Test]
    public async Task Should_Refuse_A_Bundle_Signed_By_Another_Key_Before_Building()
    {
        // Given
        using var docker = await Docker.RequireAsync();
        var request = Request("mlops/base:absent", ServingFiles.OtherPublicKey);

        // When
        var refused = await Assert.ThrowsAsync<BundleVerificationException>(() => ImageBuilder.BuildAsync(docker, request));

        // Then
        Assert.That(refused!.Message, Does.StartWith($"{ServingFiles.Bundle}: signed by key ")
            .And.EndWith("; pass the public key that signed it, or sign the bundle with the trusted key"));
        Assert.That(await docker.Images.ListImagesAsync(new()
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { ["mlops/base:absent"] = true } }
        }), Is.Empty);
    }
}
