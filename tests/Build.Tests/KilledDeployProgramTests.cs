using System.Diagnostics;
using System.Text.Json;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>
/// A Deploy killed with SIGKILL while its new server answers beside the old one (both on the environment's port):
/// the next Status, Rollback or Deploy finds that server, stops it and says so before it does anything else.
/// </summary>
[Category("Slow")]
public sealed class KilledDeployProgramTests
{
    private static readonly TimeSpan Patience = TestTimeLimits.Run;

    [Test]
    public async Task Should_Stop_The_Server_Of_A_Killed_Deploy_Before_Status_Rollback_And_Deploy_Go_On()
    {
        // Given: v1 serves; v2 is trained and gated
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var first = build.Run("--target=Deploy");
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        var pipeline = build.Repository["pipelines/credit-scoring.yaml"];
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("number_of_iterations: 60", "number_of_iterations: 70", StringComparison.Ordinal));
        var gated = build.Run("--target=BiasCheck");
        Assert.That(gated.ExitCode, Is.Zero, gated.Output + gated.Errors);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.LocalPort}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.ConnectionClose = true;

        // When: three Deploys of v2, each killed while v2 answers beside v1, followed by Status, Rollback and Deploy
        var strayOfStatus = await KillDeployBesideAsync(deployed, client);
        var status = build.Run("--target=Status");
        var servedAfterStatus = await VersionsAsync(client);
        var strayOfRollback = await KillDeployBesideAsync(deployed, client);
        var rollback = build.Run("--target=Rollback");
        var servedAfterRollback = await VersionsAsync(client);
        var strayOfDeploy = await KillDeployBesideAsync(deployed, client);
        var deploy = build.Run("--target=Deploy", "--exclusive");
        var servedAfterDeploy = await VersionsAsync(client);

        // Then
        Assert.That(status.ExitCode, Is.Zero, status.Output + status.Errors);
        Assert.That(status.Output, Does.Contain(Stopped(strayOfStatus)));
        Assert.That(servedAfterStatus, Is.EqualTo(new[] { "1" }), "only v1 answers after Status");
        Assert.That(rollback.ExitCode, Is.EqualTo(2), rollback.Output + rollback.Errors);
        Assert.That(rollback.Output, Does.Contain(Stopped(strayOfRollback)));
        Assert.That(rollback.Errors, Does.Contain("Error: v1 is the first deployment to 'local'; there is nothing to roll back to."));
        Assert.That(servedAfterRollback, Is.EqualTo(new[] { "1" }), "only v1 answers after Rollback");
        Assert.That(deploy.ExitCode, Is.Zero, deploy.Output + deploy.Errors);
        Assert.That(deploy.Output, Does.Contain(Stopped(strayOfDeploy)).And.Contain("Deploy: v2 serves")
            .And.Contain("v1 (deployment 1) stopped; production not moved: only deployments to 'docker' move it"));
        Assert.That(servedAfterDeploy, Is.EqualTo(new[] { "2" }), "only v2 answers after Deploy");
        Assert.That(new[] { strayOfStatus, strayOfRollback, strayOfDeploy }.Select(Alive), Is.All.False);
        var history = deployed.History("local");
        Assert.That(history.Select(d => (d.Version, d.Serving)), Is.EqualTo(new[] { (1, true), (2, true) }));
        Assert.That(Deployed.Processes(build.Repository[".mlops/deployments/local/"]),
            Is.EqualTo(new[] { int.Parse(history[1].RunsAs!, System.Globalization.CultureInfo.InvariantCulture) }));
    }

    private static string Stopped(int pid) =>
        $"Stopped v2 (pid {pid}) in 'local': the registry does not say it serves there (the Deploy or Rollback that started it did not finish).";

    // Starts Deploy, freezes it as soon as its new server has started, waits until that server answers on the shared
    // port, then kills the build with SIGKILL; returns the new server's pid (it keeps running: it has a session of its own).
    private static async Task<int> KillDeployBesideAsync(Deployed deployed, HttpClient client)
    {
        var servers = deployed.Build.Repository[".mlops/deployments/local/"];
        var before = Deployed.Processes(servers);
        using var running = deployed.Build.Launch("--target=Deploy", "--exclusive");
        var clock = Stopwatch.StartNew();
        int server;
        while ((server = Deployed.Processes(servers).Except(before).FirstOrDefault()) == 0)
        {
            Assert.That(running.Wait(TimeSpan.FromMilliseconds(20)), Is.Null, "the build started no server before it ended");
            Assert.That(clock.Elapsed, Is.LessThan(Patience), "the build started no server in time");
        }

        running.Pause();
        while (!(await VersionsAsync(client, tries: 10)).Contains("2"))
        {
            Assert.That(Alive(server), Is.True, "the new server runs");
            Assert.That(clock.Elapsed, Is.LessThan(Patience), "the new server did not answer on the shared port in time");
            await Task.Delay(200);
        }

        running.Kill();
        return server;
    }

    // The versions that answer /version on new connections (the kernel spreads them over every listener of the port).
    private static async Task<string[]> VersionsAsync(HttpClient client, int tries = 30)
    {
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tries; i++)
        {
            try
            {
                var answer = await client.GetStringAsync(new Uri("/version", UriKind.Relative));
                versions.Add(JsonDocument.Parse(answer).RootElement.GetProperty("version").GetString() ?? "?");
            }
            catch (HttpRequestException)
            {
                versions.Add("no answer");
            }
        }

        return [.. versions];
    }

    private static bool Alive(int pid) => File.Exists($"/proc/{pid}/cmdline");
}
