using Docker.DotNet.Models;
using MlOps.Tasks.Containers;
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
        using var work = new TempDirectory();
        var baseImage = await OfflineBaseImage.EnsureAsync(docker, work.Path);
        var image = await ImageBuilder.BuildAsync(docker, new ImageRequest
        {
            ServingFolder = ServingFiles.ServingFolder,
            Bundle = ServingFiles.Bundle,
            PublicKey = ServingFiles.PublicKey,
            BaseImage = baseImage.Tag,
            Environment = "docker",
            GitCommit = "unknown",
            Created = DateTimeOffset.UnixEpoch,
        });
        var broken = new SmokeTestRequest { Image = image.Id, Rows = ServingFiles.Rows, Environment = ["MLOPS_PUBLIC_KEY=/model/absent.pem"] };

        // When
        var failed = await Assert.ThrowsAsync<ContainerException>(() => ContainerSmokeTest.RunAsync(docker, broken));

        // Then
        Assert.That(failed!.Message, Does.StartWith("The server stopped before /health answered; its log ends:").And.Contain("/model/absent.pem"));
        var left = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ContainerSmokeTest.RoleLabel}=smoke-test"] = true } },
        });
        Assert.That(left, Is.Empty);
    }
}
