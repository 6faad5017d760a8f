using System.Text.RegularExpressions;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>PushData as a team meets it: push what is pinned, push again for nothing, pull it on another clone from the same remote.</summary>
[Category("Slow")]
public sealed class PushDataProgramTests
{
    // A clone with only data.dvc, whose .dvc/config names a default folder remote, as `dvc remote add -d shared <folder>` writes it.
    private static BuildProgram CloneWithRemote(string remote)
    {
        var build = new BuildProgram();
        build.CopyFromSource("data.dvc");
        build.Repository.Write(".dvc/config", DvcVectors.DefaultRemoteConfig("shared", remote));
        // Nothing here may ask an instance metadata service for credentials.
        build.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        return build;
    }

    [Test]
    public void Should_Push_Once_And_Let_Another_Clone_Pull_From_The_Remote()
    {
        // Given: one clone generated the sample, which data.dvc pins.
        using var remote = new TempDirectory();
        using var first = CloneWithRemote(remote.Path);
        using var second = CloneWithRemote(remote.Path);
        Assert.That(first.Run("--target=PullData").ExitCode, Is.Zero);

        // When
        var pushed = first.Run("--target=PushData");
        var again = first.Run("--target=PushData");
        var pulled = second.Run("--target=PullData");

        // Then
        Assert.That(pushed.ExitCode, Is.Zero, pushed.Errors);
        Assert.That(pushed.Output, Does.Match($@"data: pushed (\d) of \1 objects \(\d+\.\d MB\) to remote 'shared' \({Regex.Escape(remote.Path)}\)"));
        Assert.That(Directory.EnumerateFiles(remote["files/md5"], "*.dir", SearchOption.AllDirectories).Count(), Is.EqualTo(1));
        Assert.That(again.Output, Does.Match(@"PushData\s+unchanged\s+\S+\s+the remote holds all \d objects"));
        Assert.That(pulled.ExitCode, Is.Zero, pulled.Errors);
        Assert.That(pulled.Output, Does.Match(@"PullData\s+ran\s+\S+\s+from remote 'shared'"));
        Assert.That(File.ReadAllBytes(second.Repository["data/credit.csv"]), Is.EqualTo(File.ReadAllBytes(first.Repository["data/credit.csv"])));
    }

    [Test]
    public async Task Should_Push_To_An_S3_Remote_That_Another_Clone_Pulls_From()
    {
        // Given: the default remote on s3rver, its endpoint in .dvc/config and its keys in .dvc/config.local, in both clones.
        await using var s3 = await LoopbackS3.StartAsync();
        using var first = CloneWithRemote(s3.Url("team/data"));
        using var second = CloneWithRemote(s3.Url("team/data"));
        foreach (var clone in new[] { first, second })
        {
            File.AppendAllText(clone.Repository[".dvc/config"], $"    endpointurl = {s3.Endpoint}\n");
            clone.Repository.Write(".dvc/config.local",
                $"['remote \"shared\"']\n    access_key_id = {LoopbackS3.AccessKey}\n    secret_access_key = {LoopbackS3.SecretKey}\n");
        }

        Assert.That(first.Run("--target=PullData").ExitCode, Is.Zero);

        // When
        var pushed = first.Run("--target=PushData");
        var pulled = second.Run("--target=PullData");

        // Then
        Assert.That(pushed.ExitCode, Is.Zero, pushed.Errors);
        Assert.That(pushed.Output, Does.Match($@"data: pushed (\d) of \1 objects \(\d+\.\d MB\) to remote 'shared' \({Regex.Escape(s3.Url("team/data"))}\)"));
        Assert.That(pulled.ExitCode, Is.Zero, pulled.Errors);
        Assert.That(File.ReadAllBytes(second.Repository["data/credit.csv"]), Is.EqualTo(File.ReadAllBytes(first.Repository["data/credit.csv"])));
    }

    [Test]
    public void Should_Exit_2_When_The_Cache_Lacks_What_Is_Pinned()
    {
        // Given: a fresh clone, nothing pulled.
        using var remote = new TempDirectory();
        using var build = CloneWithRemote(remote.Path);

        // When
        var result = build.Run("--target=PushData");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Errors, Does.Match(
            @"^Error: data.dvc: .dvc/cache lacks the object it pins \(md5 [0-9a-f]{32}\.dir\), so there is nothing to push for it; run TrackData or PullData first.\n$"));
    }
}
