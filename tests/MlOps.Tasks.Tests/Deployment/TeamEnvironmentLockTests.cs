using MlOps.Tasks.Containers;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Tests.Tracking;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Deployment;

/// <summary>One Deploy, Rollback or Undeploy per environment across every machine that uses a team store, not only on this one.</summary>
public sealed class TeamEnvironmentLockTests
{
    [Test]
    public void Should_Keep_Another_Machine_Out_Of_The_Environment_Until_The_Holder_Is_Done()
    {
        // Given: machine A deploys to 'docker'; machine B has a folder of its own and the same database
        using var fixture = new TestStore(Engine.Postgres);
        var other = new StoreLocation(fixture.Temp["machines/b"], fixture.Location.Database);
        var held = EnvironmentLock.Take(fixture.Location, "docker");

        // When
        var refused = Assert.Throws<ContainerException>(() => EnvironmentLock.Take(other, "docker"));
        using (EnvironmentLock.Take(other, "cluster"))
        {
            // Another environment is free.
        }

        held.Dispose();
        using var after = EnvironmentLock.Take(other, "docker");

        // Then
        Assert.That(refused!.Message, Is.EqualTo("Another Deploy or Rollback to 'docker' is running on another machine " +
            $"(it holds the environment's lock in {fixture.Location.Display}); wait for it to finish."));
        Assert.That(File.Exists(fixture.Temp["machines/b/deployments/docker.lock"]), Is.True, "B's own lock file was taken, and let go on refusal");
    }

    [Test]
    public void Should_Need_Only_The_Lock_File_On_One_Machines_Store()
    {
        // Given
        using var fixture = new TestStore(Engine.Sqlite);

        // When
        using (EnvironmentLock.Take(fixture.Location, "docker"))
        {
            // Then
            Assert.That(() => EnvironmentLock.Take(fixture.Location, "docker"),
                Throws.InstanceOf<ContainerException>().With.Message.StartsWith("Another Deploy or Rollback to 'docker' is running (it holds "));
        }

        Assert.That(() => EnvironmentLock.Take(fixture.Location, "docker").Dispose(), Throws.Nothing);
    }
}
