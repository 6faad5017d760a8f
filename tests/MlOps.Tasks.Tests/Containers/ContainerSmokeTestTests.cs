using Docker.DotNet.Models;
using MlOps.Tasks.Containers;
using MlOps.Tasks.ServerProcesses;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Containers;

[Category("Slow")]
[Category("Docker")]
public class ContainerSmokeTestTests
{
    [Test]
    public async Task Should_Fail_With_The_Server_Log_And_Remove_The_Container_When_The_Server_Exits()
    {
        // Given
        using var docker = await Docker.RequireAsync();
        var image = await ServingImageAsync(docker);
        var mine = $"mlops.test={Guid.NewGuid():N}";
        var broken = new SmokeTestRequest
        {
            Image = image.Id,
            Rows = ServingFiles.Rows,
            Environment = ["MLOPS_PUBLIC_KEY=/model/absent.pem"],
            Labels = new Dictionary<string, string> { [mine.Split('=')[0]] = mine.Split('=')[1] },
        };

        // A smoke-test container of another program on the same daemon, which this test must not count as its own.
        var foreign = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image.Id,
            Name = "mlops-test-foreign-" + Guid.NewGuid().ToString("N")[..12],
            Labels = new Dictionary<string, string> { [ContainerSmokeTest.RoleLabel] = "smoke-test" },
        });
        try
        {
            // When
            var failed = await Assert.ThrowsAsync<ServerCheckException>(() => ContainerSmokeTest.RunAsync(docker, broken));

            // Then
            Assert.That(failed!.Message, Does.StartWith("The server stopped before /health answered; its log ends:").And.Contain("/model/absent.pem"));
            var left = await docker.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [mine] = true } },
            });
            Assert.That(left, Is.Empty, "the smoke test removes the container it started");
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(foreign.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    [Test]
    public async Task Should_Check_Health_And_The_Bundle_Version_Names_Without_Rows_And_Refuse_Another_Bundle()
    {
        // Given
        using var docker = await Docker.RequireAsync();
        var image = await ServingImageAsync(docker);
        var bundleSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(ServingFiles.Bundle)));
        var another = new string('0', 64);

        // When
        var passed = await ContainerSmokeTest.RunAsync(docker, new SmokeTestRequest { Image = image.Id, BundleSha256 = bundleSha256 });
        var failed = await Assert.ThrowsAsync<ContainerException>(() => ContainerSmokeTest.RunAsync(docker, new SmokeTestRequest { Image = image.Id, BundleSha256 = another }));

        // Then
        Assert.That(passed.Invocations, Is.Null, "no rows, no /invocations");
        Assert.That(failed!.Message, Is.EqualTo($"The smoke test of {image.Id} failed: /version answered 200, naming the bundle {bundleSha256}, not {another}."));
    }

    // The serving image of the test bundle on the offline base.
    private static async Task<ModelImage> ServingImageAsync(global::Docker.DotNet.IDockerClient docker)
    {
        using var work = new TempDirectory();
        var baseImage = await OfflineBaseImage.EnsureAsync(docker, work.Path);
        return await ImageBuilder.BuildAsync(docker, new ImageRequest
        {
            ServingFolder = ServingFiles.ServingFolder,
            Bundle = ServingFiles.Bundle,
            PublicKey = ServingFiles.PublicKey,
            BaseImage = baseImage.Tag,
            GitCommit = "unknown",
            Created = DateTimeOffset.UnixEpoch,
        });
    }
}
