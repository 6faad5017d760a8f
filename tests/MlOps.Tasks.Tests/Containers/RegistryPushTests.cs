using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;
using MlOps.Tasks.Containers;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Containers;

public class RegistryPushTests
{
    private const string Repository = "mlops/registry-test";

    // One small layer of unique content: once its tags are removed the daemon deletes the image, so a
    // pull must fetch it back from the registry (the offline base would stay, and its pull fetch nothing).
    private static async Task<string> ImportUniqueImageAsync(IDockerClient docker, string tag)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, leaveOpen: true))
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(tag));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "registry-test") { DataStream = content });
        }

        tar.Position = 0;
        await docker.Images.CreateImageAsync(new ImagesCreateParameters { FromSrc = "-", Repo = Repository, Tag = tag }, tar, null, new Progress<JSONMessage>());
        return (await docker.Images.InspectImageAsync($"{Repository}:{tag}")).ID;
    }

    // Removes every name of this test's image; nothing else shares it.
    private static async Task RemoveAsync(IDockerClient docker, string imageId)
    {
        try
        {
            await docker.Images.DeleteImageAsync(imageId, new ImageDeleteParameters { Force = true });
        }
        catch (DockerImageNotFoundException)
        {
            // Already gone.
        }
    }

    [Category("Slow")]
    [Category("Docker")]
    public class PushAsync
    {
        [Test]
        public async Task Should_Return_A_Digest_Reference_That_Pulls_Back_The_Same_Image()
        {
            // Given
            using var docker = await Docker.RequireAsync();
            await using var registry = await LoopbackRegistry.StartAsync();
            using var timeout = new CancellationTokenSource(MlOps.Testing.TestTimeLimits.Run);
            var tag = Guid.NewGuid().ToString("N")[..12];
            var imageId = await ImportUniqueImageAsync(docker, tag);
            try
            {
                // When
                var clock = Stopwatch.StartNew();
                var reference = await RegistryPush.PushAsync(docker, imageId, registry.Address, Repository, tag, timeout.Token);
                var pushed = clock.Elapsed;
                await docker.Images.DeleteImageAsync($"{Repository}:{tag}", new ImageDeleteParameters());
                await docker.Images.DeleteImageAsync($"{registry.Address}/{Repository}:{tag}", new ImageDeleteParameters());
                var afterRemoval = await ImageInspection.FindAsync(docker, imageId, timeout.Token);
                clock.Restart();
                var pulled = await RegistryPush.PullAsync(docker, reference, timeout.Token);
                var pulledIn = clock.Elapsed;

                // Then
                Assert.That(reference, Does.Match($"^{Regex.Escape($"{registry.Address}/{Repository}")}@sha256:[0-9a-f]{{64}}$"));
                Assert.That(afterRemoval, Is.Null, "the image should be gone from the daemon before the pull");
                Assert.That(pulled, Is.EqualTo(imageId));
                Assert.That((await ImageInspection.FindAsync(docker, reference, timeout.Token))?.ID, Is.EqualTo(imageId));
                TestContext.Out.WriteLine($"pushed {imageId[..19]} to {reference} in {pushed.TotalSeconds:0.00} s; pulled back in {pulledIn.TotalSeconds:0.00} s");
            }
            finally
            {
                await RemoveAsync(docker, imageId);
            }
        }

        [Test]
        public async Task Should_Name_The_Registry_When_Nothing_Listens_There()
        {
            // Given
            using var docker = await Docker.RequireAsync();
            using var timeout = new CancellationTokenSource(MlOps.Testing.TestTimeLimits.Run);
            var registry = $"127.0.0.1:{LoopbackRegistry.FreePort()}";
            var tag = Guid.NewGuid().ToString("N")[..12];
            var imageId = await ImportUniqueImageAsync(docker, tag);
            try
            {
                // When
                var failed = await Assert.ThrowsAsync<ContainerException>(() => RegistryPush.PushAsync(docker, imageId, registry, Repository, tag, timeout.Token));

                // Then
                Assert.That(failed.Message, Is.EqualTo(
                    $"Pushing {Repository}:{tag} to {registry} failed: " +
                    $"Get \"http://{registry}/v2/\": dial tcp {registry}: connect: connection refused. " +
                    $"Is a registry running at {registry}?\n" +
                    $"The push refers to repository [{registry}/{Repository}]"));
            }
            finally
            {
                await RemoveAsync(docker, imageId);
            }
        }
    }

    public class PullAsync
    {
        [Test]
        [Category("Docker")]
        public async Task Should_Name_The_Reference_When_The_Registry_Has_No_Such_Manifest()
        {
            // Given
            using var docker = await Docker.RequireAsync();
            await using var registry = await LoopbackRegistry.StartAsync();
            var reference = $"{registry.Address}/{Repository}@sha256:{new string('0', 64)}";

            // When
            var failed = await Assert.ThrowsAsync<ContainerException>(() => RegistryPush.PullAsync(docker, reference));

            // Then
            Assert.That(failed.Message, Is.EqualTo($"Pulling {reference} failed: manifest for {reference} not found: manifest unknown: manifest unknown"));
        }

        [Test]
        public async Task Should_Refuse_A_Reference_Without_A_Digest()
        {
            // Given
            using var docker = new DockerClientConfiguration(new Uri("unix:///nonexistent/docker.sock")).CreateClient();

            // When
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => RegistryPush.PullAsync(docker, $"127.0.0.1:5000/{Repository}:1"));

            // Then
            Assert.That(refused.Message, Does.StartWith($"127.0.0.1:5000/{Repository}:1 is not a reference by digest (name@sha256:…)."));
        }
    }
}
