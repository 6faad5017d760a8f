namespace MlOps.Build.Tests;

/// <summary><c>Deploy --dryrun</c> as a user meets it: the plan says what would replace what, where, and nothing changes.</summary>
public sealed class DeployPlanProgramTests
{
    [Test]
    public void Should_Say_What_Deploy_Would_Replace_Without_Deploying()
    {
        // Given
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;

        // When
        var fresh = build.Run("--target=Deploy", "--dryrun");
        var first = build.Run("--target=Deploy");
        var plan = build.Run("--target=Deploy", "--dryrun");
        var docker = build.Run("--target=Deploy", "--environment=docker", "--dryrun");

        // Then
        Assert.That(fresh.ExitCode, Is.Zero, fresh.Output + fresh.Errors);
        Assert.That(fresh.Output, Does.Contain($"Deploy (plan): the version the tasks before would register to 'local' (local, 127.0.0.1:{deployed.LocalPort}) as a process, "
            + "nothing deployed there yet"));
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(plan.Output, Does.Contain($"Deploy (plan): v1 (staging) to 'local' (local, 127.0.0.1:{deployed.LocalPort}) as a process, replacing v1 (deployment 1)"));
        Assert.That(docker.Output, Does.Contain($"Deploy (plan): v1 (staging) to 'docker' (docker, 127.0.0.1:{deployed.DockerPort}) from the image BuildImage builds, "
            + "nothing deployed there yet; production would move"));
        Assert.That(deployed.History("local"), Has.Count.EqualTo(1), "a dry run deploys nothing");
    }
}
