using System.Diagnostics;
using System.Globalization;
using MlOps.Tasks.ServerProcesses;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.ServerProcesses;

public sealed class LocalTargetTests
{
    [Test]
    public async Task Should_Neither_Count_Nor_Stop_A_Process_That_Is_Not_The_Deployments()
    {
        // Given: a recorded pid that now belongs to another program (ids are reused)
        using var other = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var recorded = new RunningServer(other.Id.ToString(CultureInfo.InvariantCulture), "/store/deployments/local/0193");
        var target = new LocalTarget();

        // When
        var running = await target.IsRunningAsync(recorded, CancellationToken.None);
        await target.StopAsync(recorded, CancellationToken.None);

        // Then
        Assert.That(running, Is.False);
        Assert.That(other.HasExited, Is.False, "a process that is not the deployment's is never signalled");
        other.Kill();
        await other.WaitForExitAsync();
    }

    [Test]
    public void Should_Install_The_Server_Once_Under_Its_Hash()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("serving/MlOps.Serving.dll", "not really a program");
        temp.Write("serving/runtimes/native.so", "bytes");

        // When
        var first = LocalTarget.Install(temp["serving"], temp["store"]);
        var again = LocalTarget.Install(temp["serving"], temp["store"]);

        // Then
        Assert.That(again, Is.EqualTo(first));
        Assert.That(Path.Combine(first, "runtimes", "native.so"), Does.Exist);
        Assert.That(Directory.GetDirectories(temp["store/servers"]), Has.Length.EqualTo(1), "no staging folder is left behind");
    }

    [Test]
    public void Should_Say_Where_The_Server_Program_Is_Missing()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var error = Assert.Throws<UsageException>(() => LocalTarget.Install(temp["serving"], temp["store"]));

        // Then
        Assert.That(error.Message, Does.StartWith($"The scoring server is not at {temp["serving"]}/MlOps.Serving.dll; build the build program again"));
    }
}
