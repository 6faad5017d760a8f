using System.Text.Json;

namespace MlOps.Build.Tests;

/// <summary>Deploy --version to docker: an older registered version gets its own image, built once and found again in the daemon.</summary>
[Category("Slow")]
public sealed class VersionImageProgramTests
{
    [Test]
    [Category("Docker")]
    public async Task Should_Deploy_An_Older_Version_To_Docker_Building_Its_Image_Then_Reuse_Each_Version_s_Image_From_The_Daemon()
    {
        // Given: v1 trained (no image), v2 retrained as staging and deployed to docker
        using var docker = await Docker.RequireAsync();
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.DockerPort}") };
        var trained = build.Run("--target=BiasCheck");
        Retrain(build);
        var second = build.Run("--target=Deploy", "--environment=docker");
        Assert.That(trained.ExitCode, Is.Zero, trained.Output + trained.Errors);
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Errors);
        var v2Tag = ImageTag(build);

        // When: v1 by name (its image is built), then v2 again (image.json names v1's image, v2's is found in the daemon)
        var older = build.Run("--target=Deploy", "--environment=docker", "--version=1");
        var servedOlder = await VersionAsync(client);
        var v1Tag = ImageTag(build);
        var back = build.Run("--target=Deploy", "--environment=docker", "--version=2");
        var servedBack = await VersionAsync(client);
        var recordedBack = ImageTag(build);
        var v1Again = build.Run("--target=BuildImage", "--version=v1");

        // Then
        Assert.That(older.ExitCode, Is.Zero, older.Output + older.Errors);
        Assert.That(older.Output, Does.Contain("BuildImage: v1 on mlops/base:debian12-")
            .And.Contain("smoke test checked /health and /version only: artifacts/credit-scoring holds the predictions of v2, not of v1"));
        Assert.That(older.Output, Does.Contain($"Deploy: v1 serves http://127.0.0.1:{deployed.DockerPort} in 'docker'"));
        Assert.That(servedOlder, Is.EqualTo("1"));
        Assert.That(v1Tag, Does.StartWith("mlops/credit-scoring:v1-"));
        Assert.That(back.ExitCode, Is.Zero, back.Output + back.Errors);
        Assert.That(back.Output, Does.Contain($"BuildImage: unchanged, reusing image {v2Tag} ("));
        Assert.That(servedBack, Is.EqualTo("2"));
        Assert.That(recordedBack, Is.EqualTo(v2Tag), "image.json names the image just reused");
        Assert.That(v1Again.ExitCode, Is.Zero, v1Again.Output + v1Again.Errors);
        Assert.That(v1Again.Output, Does.Contain($"BuildImage: unchanged, reusing image {v1Tag} ("));
        Assert.That(ImageTag(build), Is.EqualTo(v1Tag));
        foreach (var result in new[] { older, back, v1Again })
        {
            TestContext.Out.WriteLine(string.Join('\n', result.Output.Split('\n').Where(l => l.StartsWith("BuildImage:", StringComparison.Ordinal)
                || l.StartsWith("Deploy:", StringComparison.Ordinal))));
        }

        var history = deployed.History("docker");
        Assert.That(history.Select(d => (d.Version, d.Serving)), Is.EqualTo(new[] { (2, true), (1, true), (2, true) }));
        Assert.That(history[2].Image, Is.EqualTo(history[0].Image), "v2 runs the image it ran first");
    }

    private static void Retrain(BuildProgram build)
    {
        var pipeline = build.Repository["pipelines/credit-scoring.yaml"];
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("number_of_iterations: 60", "number_of_iterations: 70", StringComparison.Ordinal));
    }

    private static string ImageTag(BuildProgram build) =>
        JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/image.json"])).RootElement.GetProperty("tags")[0].GetString()!;

    private static async Task<string?> VersionAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("/version", UriKind.Relative))).RootElement.GetProperty("version").GetString();
}
