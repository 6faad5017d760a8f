using System.Net;
using System.Text;
using System.Text.Json;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>Deploy, Rollback and Status as a user meets them, on this machine (local) and on Docker.</summary>
[Category("Slow")]
public sealed class DeployProgramTests
{
    [Test]
    public async Task Should_Deploy_Locally_Reuse_An_Unchanged_Deployment_Replace_It_And_Roll_Back()
    {
        // Given: local is the production environment
        using var deployed = Deployed.QuickSample(Deployed.LocalIsProduction);
        var build = deployed.Build;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.LocalPort}") };

        // Settings of the shell running the build are not the deployment's: it binds loopback and needs no key.
        build.Environment["MLOPS_BIND"] = "0.0.0.0";
        build.Environment["MLOPS_API_KEY"] = "a key for something else";

        // When: deploy, deploy again unchanged, deploy a retrained v2, roll back
        var first = build.Run("--target=Deploy");
        var (body, recorded) = build.HeldOutRows(5);
        var scores = await ScoresAsync(client, body);
        var again = build.Run("--target=Deploy");
        Retrain(build);
        var second = build.Run("--target=Deploy");
        var servedAfterSecond = await VersionAsync(client);
        var rollback = build.Run("--target=Rollback");
        var status = build.Run("--target=Status");
        var models = build.Run("--target=Models");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(first.Output, Does.Contain("Skipping BuildImage: 'local' runs the server as a process: no image needed")
            .And.Contain($"Deploy: v1 serves http://127.0.0.1:{deployed.LocalPort} in 'local' (pid "));
        Assert.That(scores, Is.EqualTo(recorded).Within(1e-6), "the deployment scores held-out rows as Validate did");
        Assert.That(again.ExitCode, Is.Zero, again.Output + again.Errors);
        Assert.That(again.Output, Does.Contain($"Deploy: unchanged, v1 already serves http://127.0.0.1:{deployed.LocalPort}"));
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Errors);
        Assert.That(second.Output, Does.Contain("Deploy: v2 serves").And.Contain("v1 (deployment 1) stopped; production -> v2"));
        Assert.That(servedAfterSecond, Is.EqualTo("2"));
        Assert.That(rollback.ExitCode, Is.Zero, rollback.Output + rollback.Errors);
        Assert.That(rollback.Output, Does.Contain("Rollback: v1 serves").And.Contain("v2 (deployment 2) stopped; production -> v1"));
        Assert.That(await VersionAsync(client), Is.EqualTo("1"));
        var history = deployed.History("local");
        Assert.That(history.Select(d => (d.Action.ToString(), d.Version, d.Serving, d.Replaces)),
            Is.EqualTo(new[] { ("Deploy", 1, true, (long?)null), ("Deploy", 2, true, 1L), ("Rollback", 1, true, 2L) }));
        Assert.That(history.Take(2).Select(d => Alive(d.RunsAs!)), Is.All.False, "replaced servers are stopped");
        Assert.That(Alive(history[2].RunsAs!), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(history[2].Folder, "server.pid")).Trim(), Is.EqualTo(history[2].RunsAs));
        Assert.That(Path.Combine(history[2].Folder, "server.log"), Does.Exist);
        Assert.That(status.Output, Does.Match(
            $@"│ local +│ local +│ v1 +│ http://127\.0\.0\.1:{deployed.LocalPort} +│ pid {history[2].RunsAs} +│ yes +│ healthy +│"));
        Assert.That(models.Output, Does.Match(@"│ v1 +│ [^│]+│ production +│"));
    }

    [Test]
    public async Task Should_Leave_The_Old_Deployment_Serving_When_The_New_Server_Fails_Its_Smoke_Test()
    {
        // Given: v1 deployed, then predictions.csv says the model scores a row otherwise
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var first = build.Run("--target=Deploy");
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        var predictions = build.Repository["artifacts/credit-scoring/predictions.csv"];
        var lines = File.ReadAllLines(predictions);
        var cells = lines[1].Split(',');
        cells[2] = "0.123456789";
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(predictions, lines);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.LocalPort}") };

        // When
        var result = build.Run("--target=Deploy", "--exclusive", "--force");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Errors);
        Assert.That(result.Errors, Does.Contain("Error: Deploy of v1 to 'local' stopped: the new server did not pass its checks, so it was stopped and v1 still serves")
            .And.Contain($"The server scores row '{cells[0]}' "));
        var history = deployed.History("local");
        Assert.That(history.Select(d => d.Serving), Is.EqualTo(new[] { true, false }));
        Assert.That(history[1].Message, Does.Contain("Validate recorded 0.123456789"));
        Assert.That(Alive(history[0].RunsAs!), Is.True, "the old server still runs");
        Assert.That(Alive(history[1].RunsAs!), Is.False, "the failed server was stopped");
        Assert.That(await VersionAsync(client), Is.EqualTo("1"));
    }

    [Test]
    public void Should_Refuse_A_Bundle_Whose_Signature_Fails_Before_Starting_Anything()
    {
        // Given: the staging bundle changed after it was signed
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var gated = build.Run("--target=BiasCheck");
        Assert.That(gated.ExitCode, Is.Zero, gated.Output + gated.Errors);
        var bundle = Directory.EnumerateFiles(build.Repository[".mlops/artifacts"], "*.mlbundle", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(bundle);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(bundle, bytes);

        // When
        var local = build.Run("--target=Deploy", "--exclusive");
        var docker = build.Run("--target=Deploy", "--environment=docker", "--exclusive");

        // Then
        foreach (var result in new[] { local, docker })
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
            Assert.That(result.Errors, Does.Contain($"Error: {bundle}"));
        }

        Assert.That(deployed.History("local"), Is.Empty);
        Assert.That(deployed.History("docker"), Is.Empty);
        Assert.That(build.Repository[".mlops/deployments"], Does.Not.Exist);
    }

    [Test]
    public void Should_Refuse_A_Port_Something_Else_Answers_On_And_A_Second_Deploy_At_Once()
    {
        // Given
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var gated = build.Run("--target=BiasCheck");
        Assert.That(gated.ExitCode, Is.Zero, gated.Output + gated.Errors);
        var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, deployed.LocalPort);
        taken.Start();

        // When
        var occupied = build.Run("--target=Deploy", "--exclusive");
        taken.Stop();
        Directory.CreateDirectory(build.Repository[".mlops/deployments"]);
        using (new FileStream(build.Repository[".mlops/deployments/local.lock"], FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var concurrent = build.Run("--target=Deploy", "--exclusive");

            // Then
            Assert.That(concurrent.ExitCode, Is.EqualTo(1), concurrent.Output + concurrent.Errors);
            Assert.That(concurrent.Errors, Does.Contain("Error: Another Deploy or Rollback to 'local' is running (it holds "));
        }

        Assert.That(occupied.ExitCode, Is.EqualTo(1), occupied.Output + occupied.Errors);
        Assert.That(occupied.Errors, Does.Contain($"Something already answers on 127.0.0.1:{deployed.LocalPort}, but no deployment to 'local' runs there"));
        var history = deployed.History("local");
        Assert.That(history.Select(d => (d.Serving, d.RunsAs)), Is.EqualTo(new[] { (false, (string?)null) }), "the attempt is recorded; nothing was started");
    }

    [Test]
    public async Task Should_Refuse_To_Roll_Forward_To_The_Version_A_Rollback_Left_Until_It_Is_Named()
    {
        // Given: v1 deployed, v2 deployed, rolled back to v1, in local as the production environment
        using var deployed = Deployed.QuickSample(Deployed.LocalIsProduction);
        var build = deployed.Build;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.LocalPort}") };
        var first = build.Run("--target=Deploy");
        Retrain(build);
        var second = build.Run("--target=Deploy");
        var rollback = build.Run("--target=Rollback");

        // When
        var refused = build.Run("--target=Deploy");
        var servedAfterRefusal = await VersionAsync(client);
        var unknownAlias = build.Run("--target=Deploy", "--version=nope");
        var unknownVersion = build.Run("--target=Deploy", "--version=9");
        var named = build.Run("--target=Deploy", "--version=2");
        var servedAfterNamed = await VersionAsync(client);
        var again = build.Run("--target=Deploy");

        // Then
        foreach (var result in new[] { first, second, rollback })
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        }

        Assert.That(rollback.Output, Does.Contain("Rollback: v2 marked as rolled back from 'local'; Deploy will not deploy it again without --version=2"));
        Assert.That(refused.ExitCode, Is.EqualTo(3), refused.Output + refused.Errors);
        Assert.That(refused.Errors, Does.Contain("Error: v2 was rolled back from 'local' by deployment 3; deploy it with --version=2, or train a new version."));
        Assert.That(servedAfterRefusal, Is.EqualTo("1"), "a refused deploy leaves the rollback serving");
        Assert.That(unknownAlias.ExitCode, Is.EqualTo(2), unknownAlias.Output + unknownAlias.Errors);
        Assert.That(unknownAlias.Errors, Does.Contain("Error: Model 'credit-scoring' has no alias 'nope'; aliases: candidate (v2), production (v1), staging (v2)."));
        Assert.That(unknownVersion.ExitCode, Is.EqualTo(2), unknownVersion.Output + unknownVersion.Errors);
        Assert.That(unknownVersion.Errors, Does.Contain("Error: Model 'credit-scoring' has no version 9; versions: 1, 2."));
        Assert.That(named.ExitCode, Is.Zero, named.Output + named.Errors);
        Assert.That(named.Output, Does.Contain("Deploy: v2 serves").And.Contain("v1 (deployment 3) stopped; production -> v2")
            .And.Contain("Deploy: v2 named, so the mark of its rollback from 'local' (deployment 3) is cleared"));
        Assert.That(servedAfterNamed, Is.EqualTo("2"));
        Assert.That(again.ExitCode, Is.Zero, again.Output + again.Errors);
        Assert.That(again.Output, Does.Contain($"Deploy: unchanged, v2 already serves http://127.0.0.1:{deployed.LocalPort}"));
        Assert.That(deployed.History("local").Select(d => (d.Action.ToString(), d.Version, d.Serving)),
            Is.EqualTo(new[] { ("Deploy", 1, true), ("Deploy", 2, true), ("Rollback", 1, true), ("Deploy", 2, true) }));
    }

    [Test]
    public void Should_Move_Production_Only_For_The_Production_Environment_So_Validate_Still_Compares_With_It()
    {
        // Given: v1 deployed to local, the production environment; a retrained v2, and a second local environment that is not production
        var trialPort = MlOps.Tasks.ServerProcesses.LoopbackPort.Free();
        using var deployed = Deployed.QuickSample([.. Deployed.LocalIsProduction,
            ("\nenvironments:\n", $"\nenvironments:\n  trial:\n    kind: local\n    port: {trialPort}\n")]);
        var build = deployed.Build;
        var first = build.Run("--target=Deploy");
        Retrain(build);

        // When: v2 goes to the environment that is not production, and Validate runs again
        var trial = build.Run("--target=Deploy", "--environment=trial");
        var models = build.Run("--target=Models");
        var validate = build.Run("--target=Validate", "--force");

        // Then
        foreach (var result in new[] { first, trial, models, validate })
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        }

        Assert.That(first.Output, Does.Contain($"Deploy: v1 serves http://127.0.0.1:{deployed.LocalPort} in 'local'").And.Contain("; production -> v1"));
        Assert.That(trial.Output, Does.Contain($"Deploy: v2 serves http://127.0.0.1:{trialPort} in 'trial'")
            .And.Contain("; production not moved: only deployments to 'local' move it"));
        Assert.That(models.Output, Does.Match(@"│ v1 +│ [^│]+│ production +│"));
        Assert.That(validate.Output, Does.Contain("against production v1 on "), "the gate still compares with what production serves");
    }

    [Test]
    public void Should_Say_There_Is_Nothing_To_Roll_Back_To()
    {
        // Given
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;

        // When
        var nothing = build.Run("--target=Rollback");
        var first = build.Run("--target=Deploy");
        var only = build.Run("--target=Rollback");

        // Then
        Assert.That(nothing.ExitCode, Is.EqualTo(2), nothing.Output + nothing.Errors);
        Assert.That(nothing.Errors, Does.Contain("Error: Nothing is deployed to 'local'; run ./build.sh --target=Deploy --environment=local first."));
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(only.ExitCode, Is.EqualTo(2), only.Output + only.Errors);
        Assert.That(only.Errors, Does.Contain("Error: v1 is the first deployment to 'local'; there is nothing to roll back to."));
    }

    [Test]
    [Category("Docker")]
    public async Task Should_Deploy_To_Docker_Reuse_An_Unchanged_Deployment_And_Roll_Back()
    {
        // Given
        using var docker = await Docker.RequireAsync();
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.DockerPort}") };

        // When
        var first = build.Run("--target=Deploy", "--environment=docker");
        var (body, recorded) = build.HeldOutRows(5);
        var scores = await ScoresAsync(client, body);
        var again = build.Run("--target=Deploy", "--environment=docker");
        Retrain(build);
        var second = build.Run("--target=Deploy", "--environment=docker");
        var servedAfterSecond = await VersionAsync(client);
        var rollback = build.Run("--target=Rollback", "--environment=docker");
        var status = build.Run("--target=Status");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(first.Output, Does.Contain("BuildImage: v1 on mlops/base:").And.Contain($"Deploy: v1 serves http://127.0.0.1:{deployed.DockerPort} in 'docker' (image "));
        Assert.That(scores, Is.EqualTo(recorded).Within(1e-6));
        Assert.That(again.ExitCode, Is.Zero, again.Output + again.Errors);
        Assert.That(again.Output, Does.Contain("BuildImage: unchanged").And.Contain("Deploy: unchanged, v1 already serves"));
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Errors);
        Assert.That(servedAfterSecond, Is.EqualTo("2"));
        Assert.That(rollback.ExitCode, Is.Zero, rollback.Output + rollback.Errors);
        Assert.That(await VersionAsync(client), Is.EqualTo("1"));
        var history = deployed.History("docker");
        Assert.That(history.Select(d => (d.Version, d.Serving)), Is.EqualTo(new[] { (1, true), (2, true), (1, true) }));
        Assert.That(history[2].Image, Is.EqualTo(history[0].Image), "the rollback runs the image v1 was deployed with");
        var container = await docker.Containers.InspectContainerAsync(history[2].RunsAs);
        Assert.That(container.State.Running, Is.True);
        Assert.That(container.HostConfig.ReadonlyRootfs, Is.True);
        Assert.That(container.Config.User, Is.EqualTo("10001:10001"));
        foreach (var replaced in history.Take(2))
        {
            await Assert.ThatAsync(() => docker.Containers.InspectContainerAsync(replaced.RunsAs!), Throws.TypeOf<global::Docker.DotNet.DockerContainerNotFoundException>());
            Assert.That(Path.Combine(replaced.Folder, "server.log"), Does.Exist, "a removed container's log is kept");
        }

        Assert.That(status.Output, Does.Match(
            $@"│ docker +│ docker +│ v1 +│ http://127\.0\.0\.1:{deployed.DockerPort} +│ container [0-9a-f]{{12}} +│ yes +│ healthy +│"));
    }

    [Test]
    [Category("Docker")]
    public async Task Should_Push_The_Image_And_Roll_Back_To_One_The_Daemon_Lost_By_Its_Digest()
    {
        // Given: v1 and then v2 deployed to docker, both pushed to a loopback registry; the daemon loses v1's image
        using var docker = await Docker.RequireAsync();
        await using var registry = await LoopbackRegistry.StartAsync();
        using var deployed = Deployed.QuickSample(("\nenvironments:", $"\nimage:\n  registry: {registry.Address}\nenvironments:"));
        var build = deployed.Build;
        var first = build.Run("--target=Deploy", "--environment=docker");
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        var pushed = JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/image.json"])).RootElement.GetProperty("digest").GetString();
        Retrain(build);
        var second = build.Run("--target=Deploy", "--environment=docker");
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Errors);
        var v1 = deployed.History("docker")[0];
        await docker.Images.DeleteImageAsync(v1.Image, new global::Docker.DotNet.Models.ImageDeleteParameters { Force = true });

        // When
        var rollback = build.Run("--target=Rollback", "--environment=docker");

        // Then
        Assert.That(pushed, Does.StartWith($"{registry.Address}/mlops/credit-scoring@sha256:"));
        Assert.That(v1.ImageDigest, Is.EqualTo(pushed));
        Assert.That(rollback.ExitCode, Is.Zero, rollback.Output + rollback.Errors);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.DockerPort}") };
        Assert.That(await VersionAsync(client), Is.EqualTo("1"));
        var restored = deployed.History("docker")[2];
        Assert.That(restored.ImageDigest, Is.EqualTo(pushed));
        var container = await docker.Containers.InspectContainerAsync(restored.RunsAs);
        Assert.That(container.Image, Is.EqualTo(v1.Image), "the image pulled by digest is the one deployed first");
    }

    [Test]
    public void Should_Fail_With_Exit_1_When_Docker_Is_Absent_And_Show_Status_Without_It()
    {
        // Given
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        build.Environment["DOCKER_HOST"] = "unix://" + build.Repository["absent.sock"];

        // When
        var rollback = build.Run("--target=Rollback", "--environment=docker");
        var status = build.Run("--target=Status");

        // Then
        Assert.That(rollback.ExitCode, Is.EqualTo(1), rollback.Output + rollback.Errors);
        Assert.That(rollback.Errors, Does.Contain($"Error: Docker is not reachable at unix://{build.Repository["absent.sock"]} ("));
        Assert.That(status.ExitCode, Is.Zero, status.Output + status.Errors);
        Assert.That(status.Output, Does.Match(@"│ docker +│ docker +│ - +│"));
    }

    private static void Retrain(BuildProgram build)
    {
        var pipeline = build.Repository["pipelines/credit-scoring.yaml"];
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("number_of_iterations: 60", "number_of_iterations: 70", StringComparison.Ordinal));
    }

    private static bool Alive(string pid) => File.Exists($"/proc/{pid}/cmdline");

    private static async Task<double[]> ScoresAsync(HttpClient client, string body)
    {
        using var answer = await client.PostAsync(new Uri("/invocations", UriKind.Relative), new StringContent(body, Encoding.UTF8, "text/csv"));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return [.. JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("predictions").EnumerateArray()
            .Select(p => p.GetProperty("score").GetDouble())];
    }

    private static async Task<string?> VersionAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("/version", UriKind.Relative))).RootElement.GetProperty("version").GetString();
}
