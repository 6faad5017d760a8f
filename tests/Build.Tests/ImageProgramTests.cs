using System.Text.Json;

namespace MlOps.Build.Tests;

/// <summary>The BuildImage target as a user meets it: the gated model in a smoke-tested image, reused when nothing changed.</summary>
[Category("Slow")]
public sealed class ImageProgramTests
{
    [Test]
    [Category("Docker")]
    public async Task Should_Build_And_Smoke_Test_The_Staging_Image_Then_Reuse_It_For_Another_Environment_When_Nothing_Changed()
    {
        // Given
        using var docker = await Docker.RequireAsync();
        using var build = BuildProgram.QuickSample();

        // When
        var first = build.Run("--target=BuildImage");
        var second = build.Run("--target=BuildImage", "--environment=docker", "--verbosity=verbose");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(first.Output, Does.Contain("BuildImage: v1 on mlops/base:debian12-").And.Contain("smoke test scored 5 held-out rows as Validate did"));
        var record = JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/image.json"])).RootElement;
        var id = record.GetProperty("id").GetString()!;
        var tag = record.GetProperty("tags")[0].GetString()!;
        Assert.That(record.GetProperty("tags").GetArrayLength(), Is.EqualTo(1), "one tag: no bare mlops/credit-scoring:1");
        Assert.That(tag, Is.EqualTo($"mlops/credit-scoring:v1-{record.GetProperty("bundle_sha256").GetString()![..12]}"));
        var image = await docker.Images.InspectImageAsync(id);
        Assert.That(image.Config.Labels["mlops.model.version"], Is.EqualTo("1"));
        Assert.That(image.Config.Labels["mlops.bundle.sha256"], Is.EqualTo(record.GetProperty("bundle_sha256").GetString()));
        Assert.That(image.Config.User, Is.EqualTo("10001:10001"));
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Errors);
        Assert.That(second.Output, Does.Contain($"BuildImage: unchanged, reusing image {tag} ({id[7..19]}, "));
        Assert.That(second.Output, Does.Match(@"BuildImage: server [0-9a-f]{12}: 0 of [1-9]\d+ files hashed, the others remembered by size and time"));
        TestContext.Out.WriteLine(string.Join('\n', first.Output.Split('\n').Where(l => l.Contains("BuildImage", StringComparison.Ordinal))));
        TestContext.Out.WriteLine(string.Join('\n', second.Output.Split('\n').Where(l => l.Contains("BuildImage", StringComparison.Ordinal))));
    }

    [Test]
    public void Should_Refuse_With_Exit_3_When_No_Version_Passed_The_Gates()
    {
        // Given
        using var build = BuildProgram.QuickSample();

        // When
        var result = build.Run("--target=BuildImage", "--exclusive");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        Assert.That(result.Errors, Does.Contain(
            "Error: 'credit-scoring' has no 'staging' version: none has passed Validate and BiasCheck; run ./build.sh --target=BiasCheck and fix what the gates refuse."));
    }

    [Test]
    public void Should_Fail_With_Exit_1_And_Say_How_To_Start_Docker_When_No_Daemon_Answers()
    {
        // Given
        using var build = BuildProgram.QuickSample();
        build.Environment["DOCKER_HOST"] = "unix://" + build.Repository["absent.sock"];

        // When
        var result = build.Run("--target=BuildImage");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Errors);
        Assert.That(result.Errors, Does.Contain($"Error: Docker is not reachable at unix://{build.Repository["absent.sock"]} (")
            .And.Contain("Start it with `dockerd --bridge=none --iptables=false` or set DOCKER_HOST."));
    }
}
