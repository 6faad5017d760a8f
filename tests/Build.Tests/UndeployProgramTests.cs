using System.Net.Sockets;

namespace MlOps.Build.Tests;

/// <summary>Undeploy and Prune as a user meets them: what stops, what the store says after, what is removed and what is kept.</summary>
public sealed class UndeployProgramTests
{
    [TestCase("local")]
    [TestCase("docker")]
    [TestCase("cluster")]
    public void Should_Say_There_Is_Nothing_To_Undeploy_When_Nothing_Was_Deployed_Without_Asking_Docker_Or_A_Cluster(string environment)
    {
        // Given: no Docker daemon and no kubeconfig
        using var build = BuildProgram.QuickSample();
        build.Environment["DOCKER_HOST"] = $"unix://{build.Repository["absent.sock"]}";
        build.Environment["KUBECONFIG"] = build.Repository["absent-kubeconfig"];

        // When
        var result = build.Run("--target=Undeploy", $"--environment={environment}");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain($"Undeploy: nothing to undeploy in '{environment}': nothing is deployed there"));
    }

    [Test]
    public void Should_Exit_2_When_Keep_Is_Not_A_Count()
    {
        // Given
        using var build = BuildProgram.QuickSample();

        // When
        var result = build.Run("--target=Prune", "--keep=many");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Errors, Does.Contain("Error: --keep=many is not a count; expected 0 or more, e.g. --keep=3."));
    }

    [Test]
    [Category("Slow")]
    public void Should_Stop_A_Local_Deployment_Record_Its_End_And_Let_The_Next_Deploy_Start_Fresh()
    {
        // Given
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var first = build.Run("--target=Deploy");
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        var pid = deployed.History("local")[0].RunsAs;

        // When
        var undeploy = build.Run("--target=Undeploy");
        var answers = Answers(deployed.LocalPort);
        var status = build.Run("--target=Status");
        var rollback = build.Run("--target=Rollback");
        var again = build.Run("--target=Undeploy");
        var fresh = build.Run("--target=Deploy");

        // Then
        Assert.That(undeploy.ExitCode, Is.Zero, undeploy.Output + undeploy.Errors);
        Assert.That(undeploy.Output, Does.Contain(
            $"Undeploy: v1 no longer serves http://127.0.0.1:{deployed.LocalPort} in 'local' (stopped pid {pid}; deployment 1 recorded as ended)"));
        Assert.That(answers, Is.False, "the port no longer answers");
        Assert.That(status.Output, Does.Match(@"│ local +│ local +│[^\n]*│ nothing deployed +│"));
        Assert.That(rollback.ExitCode, Is.EqualTo(2), rollback.Output + rollback.Errors);
        Assert.That(rollback.Errors, Does.Contain("Error: Nothing is deployed to 'local'; run ./build.sh --target=Deploy --environment=local first."));
        Assert.That(again.ExitCode, Is.Zero, again.Output + again.Errors);
        Assert.That(again.Output, Does.Contain("Undeploy: nothing to undeploy in 'local': nothing is deployed there"));
        Assert.That(fresh.ExitCode, Is.Zero, fresh.Output + fresh.Errors);
        Assert.That(fresh.Output, Does.Contain("Deploy: v1 serves").And.Not.Contain("stopped;"));
        Assert.That(deployed.History("local").Select(d => d.Replaces), Is.EqualTo(new long?[] { null, null }), "the next Deploy replaces nothing");
    }

    [Test]
    [Category("Slow")]
    public void Should_Prune_Folders_No_Deployment_Needs_Keep_What_Serves_And_Skip_Images_Without_Docker()
    {
        // Given: three deployments of v1 to local, the last replacing the second; no Docker daemon
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        foreach (var args in new[] { new[] { "--target=Deploy" }, ["--target=Deploy", "--force"], ["--target=Deploy", "--force"] })
        {
            var result = build.Run(args);
            Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        }

        var history = deployed.History("local");
        build.Environment["DOCKER_HOST"] = $"unix://{build.Repository["absent.sock"]}";
        var audit = Path.Combine(history[0].Folder, "audit", "predictions.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(audit)!);
        File.WriteAllText(audit, "{}\n");

        // When
        var prune = build.Run("--target=Prune", "--keep=0");
        var again = build.Run("--target=Prune", "--keep=0");

        // Then
        Assert.That(prune.ExitCode, Is.Zero, prune.Output + prune.Errors);
        Assert.That(prune.Output, Does.Contain($"Prune: removed deployment folder .mlops/deployments/local/{history[0].Key} (")
            .And.Contain($"), keeping its audit log .mlops/deployments/local/{history[0].Key}/audit")
            .And.Contain("Prune: 1 removed, ").And.Contain("kept what each environment serves and what its Rollback returns to"));
        Assert.That(prune.Output, Does.Contain($"Prune: images skipped: Docker is not reachable at unix://{build.Repository["absent.sock"]}"));
        Assert.That(Directory.GetFileSystemEntries(history[0].Folder).Select(Path.GetFileName), Is.EqualTo(new[] { "audit" }));
        Assert.That(File.ReadAllText(audit), Is.EqualTo("{}\n"), "an audit log is never pruned");
        Assert.That(history[1].Folder, Does.Exist, "a Rollback returns to it");
        Assert.That(history[2].Folder, Does.Exist, "it serves");
        Assert.That(history[2].Server, Does.Exist);
        Assert.That(Answers(deployed.LocalPort), Is.True);
        Assert.That(again.Output, Does.Contain("Prune: 0 removed, 0.0 MB freed"));
    }

    [Test]
    [Category("Slow")]
    [Category("Docker")]
    public async Task Should_Remove_The_Container_Of_A_Docker_Deployment_And_Prune_Its_Folder_But_Not_The_Image_Deploy_Uses_Next()
    {
        // Given
        using var docker = await Docker.RequireAsync();
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var first = build.Run("--target=Deploy", "--environment=docker");
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        var deployment = deployed.History("docker")[0];

        // When
        var undeploy = build.Run("--target=Undeploy", "--environment=docker");
        var prune = build.Run("--target=Prune", "--keep=0");

        // Then
        Assert.That(undeploy.ExitCode, Is.Zero, undeploy.Output + undeploy.Errors);
        Assert.That(undeploy.Output, Does.Contain($"Undeploy: v1 no longer serves http://127.0.0.1:{deployed.DockerPort} in 'docker' "
            + $"(stopped container {deployment.RunsAs![..12]}; deployment 1 recorded as ended)"));
        Assert.That(undeploy.Output, Does.Contain("Undeploy: alias production still names v1: Undeploy moves no alias"));
        await Assert.ThatAsync(() => docker.Containers.InspectContainerAsync(deployment.RunsAs), Throws.TypeOf<global::Docker.DotNet.DockerContainerNotFoundException>());
        Assert.That(prune.ExitCode, Is.Zero, prune.Output + prune.Errors);
        Assert.That(prune.Output, Does.Contain($"Prune: removed deployment folder .mlops/deployments/docker/{deployment.Key} (").And.Not.Contain("images skipped"));
        Assert.That(await docker.Images.InspectImageAsync(deployment.Image), Is.Not.Null, "the image BuildImage recorded is what the next Deploy runs");
    }

    private static bool Answers(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
