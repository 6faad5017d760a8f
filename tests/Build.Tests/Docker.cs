using Docker.DotNet;
using MlOps.Tasks.Containers;

namespace MlOps.Build.Tests;

/// <summary>
/// The real Docker daemon for tests that need one. Without a daemon those tests are ignored with the
/// reason, unless MLOPS_REQUIRE_DOCKER=1 (as in CI), which makes a missing daemon a failure.
/// </summary>
internal static class Docker
{
    /// <summary>A client for the daemon; ignores or fails the calling test when there is none.</summary>
    public static async Task<DockerClient> RequireAsync()
    {
        try
        {
            return await DockerDaemon.ConnectAsync(TimeSpan.FromSeconds(5));
        }
        catch (ContainerException e)
        {
            if (System.Environment.GetEnvironmentVariable("MLOPS_REQUIRE_DOCKER") == "1")
            {
                Assert.Fail($"MLOPS_REQUIRE_DOCKER=1 but {e.Message}");
            }

            Assert.Ignore(e.Message);
            throw;
        }
    }
}
