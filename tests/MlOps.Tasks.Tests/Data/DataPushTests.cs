using MlOps.Tasks.Data;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tests.Storage;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class DataPushTests
{
    // Where DVC 3 keeps vector A's objects under a remote (shared/testvectors/dvc.md): the files, then the manifest.
    private static readonly string[] VectorAObjects =
    [
        "files/md5/a4/7170636e9c528995092e14a81000ab",
        "files/md5/b1/946ac92492d2347c6235b4d2611184",
        "files/md5/c6/242222cf6ccdb15a43e0e5b1a08810",
        "files/md5/f3/5192d9e982b0e9a9316b7f20253770.dir",
    ];

    private static readonly DataSection Data = new() { Path = "data" };

    private static CancellationToken Cancellation => TestContext.CurrentContext.CancellationToken;

    // A repository that tracks vector A, with a default remote in a folder beside it (as `dvc remote add -d shared ../remote` writes).
    private static TempDirectory TrackedRepository()
    {
        var temp = new TempDirectory();
        DvcVectors.WriteVectorA(temp, "repo/data");
        new DataTracker(temp["repo"]).Track("data");
        temp.Write("repo/.dvc/config", DvcVectors.DefaultRemoteConfig("shared", "../../remote"));
        return temp;
    }

    private static string[] Listed(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    public class Folder
    {
        [Test]
        public async Task Should_Push_Every_Object_In_Dvc_Layout_Then_Nothing_The_Second_Time()
        {
            // Given
            using var temp = TrackedRepository();
            var push = new DataPush(temp["repo"]);

            // When
            var first = await push.PushAsync(Data, remoteName: null, Cancellation);
            var second = await push.PushAsync(Data, remoteName: null, Cancellation);

            // Then
            Assert.That(first, Is.EqualTo(new PushResult($"remote 'shared' ({temp["remote"]})", Pushed: 4, Total: 4, PushedBytes: 6 + 14 + 12 + 202)));
            Assert.That(second, Is.EqualTo(first with { Pushed = 0, PushedBytes = 0 }));
            Assert.That(Listed(temp["remote"]), Is.EqualTo(VectorAObjects));
            Assert.That(File.ReadAllBytes(temp["remote/" + VectorAObjects[3]]), Is.EqualTo(File.ReadAllBytes(temp["repo/.dvc/cache/" + VectorAObjects[3]])));
        }

        [Test]
        public async Task Should_Push_Only_What_The_Remote_Lacks()
        {
            // Given: the remote already holds one file of the directory.
            using var temp = TrackedRepository();
            temp.Write("remote/" + VectorAObjects[1], "hello\n");

            // When
            var result = await new DataPush(temp["repo"]).PushAsync(Data, remoteName: null, Cancellation);

            // Then
            Assert.That((result.Pushed, result.Total, result.PushedBytes), Is.EqualTo((3, 4, 14L + 12 + 202)));
        }

        [Test]
        public async Task Should_Let_A_Clone_Pull_What_Was_Pushed()
        {
            // Given
            using var temp = TrackedRepository();
            await new DataPush(temp["repo"]).PushAsync(Data, remoteName: null, Cancellation);
            temp.Write("clone/.dvc/config", File.ReadAllText(temp["repo/.dvc/config"]));
            File.Copy(temp["repo/data.dvc"], temp["clone/data.dvc"]);

            // When
            var source = await new DataRestore(temp["clone"]).RestoreAsync(Data, Cancellation);

            // Then
            Assert.That(source, Is.EqualTo($"remote 'shared' ({temp["remote"]})"));
            Assert.That(new DataCheck(temp["clone"]).Verify("data")!.Md5, Is.EqualTo(DvcVectors.VectorAMd5));
            Assert.That(Listed(temp["clone/.dvc/cache"]), Is.EqualTo(VectorAObjects));
        }
    }

    public class S3
    {
        [Test]
        public async Task Should_Push_To_S3_Where_An_Empty_Clone_Pulls_From()
        {
            // Given: a default remote on s3rver, its credentials in config.local as `dvc remote modify --local` writes them.
            await using var s3 = await LoopbackS3.StartAsync();
            using var temp = TrackedRepository();
            var config = DvcVectors.DefaultRemoteConfig("team", s3.Url("team/data")) + $"    endpointurl = {s3.Endpoint}\n";
            var local = $"['remote \"team\"']\n    access_key_id = {LoopbackS3.AccessKey}\n    secret_access_key = {LoopbackS3.SecretKey}\n";
            foreach (var repo in new[] { "repo", "clone" })
            {
                temp.Write($"{repo}/.dvc/config", config);
                temp.Write($"{repo}/.dvc/config.local", local);
            }

            File.Copy(temp["repo/data.dvc"], temp["clone/data.dvc"]);

            // When
            var pushed = await new DataPush(temp["repo"]).PushAsync(Data, remoteName: null, Cancellation);
            var again = await new DataPush(temp["repo"]).PushAsync(Data, remoteName: null, Cancellation);
            var source = await new DataRestore(temp["clone"]).RestoreAsync(Data, Cancellation);

            // Then
            var remote = $"remote 'team' ({s3.Url("team/data")})";
            Assert.That(pushed, Is.EqualTo(new PushResult(remote, Pushed: 4, Total: 4, PushedBytes: 6 + 14 + 12 + 202)));
            Assert.That(again.Pushed, Is.Zero);
            using var bucket = s3.Store("team/data");
            Assert.That(await bucket.ListAsync("", Cancellation), Is.EqualTo(VectorAObjects));
            Assert.That(source, Is.EqualTo(remote));
            Assert.That(new DataCheck(temp["clone"]).Verify("data")!.Md5, Is.EqualTo(DvcVectors.VectorAMd5));
        }
    }

    public class Refused
    {
        [Test]
        public async Task Should_Ask_For_TrackData_Or_PullData_When_The_Cache_Lacks_An_Object()
        {
            // Given
            using var temp = TrackedRepository();
            var missing = temp["repo/.dvc/cache/" + VectorAObjects[2]];
            File.SetAttributes(missing, FileAttributes.Normal);
            File.Delete(missing);

            // When
            var error = await Assert.ThrowsAsync<DataMismatchException>(() => new DataPush(temp["repo"]).PushAsync(Data, remoteName: null, Cancellation));

            // Then
            Assert.That(error!.Message, Is.EqualTo(
                "data.dvc: .dvc/cache lacks the object it pins (md5 c6242222cf6ccdb15a43e0e5b1a08810), so there is nothing to push for it; "
                + "run TrackData or PullData first."));
            Assert.That(Directory.Exists(temp["remote"]), Is.False);
        }

        [Test]
        public async Task Should_Say_How_To_Name_A_Remote_When_None_Is_Configured()
        {
            // Given
            using var temp = TrackedRepository();
            File.WriteAllText(temp["repo/.dvc/config"], "");

            // When
            var error = await Assert.ThrowsAsync<UsageException>(() => new DataPush(temp["repo"]).PushAsync(Data, remoteName: null, Cancellation));

            // Then
            Assert.That(error!.Message, Is.EqualTo("No DVC remote to push to: add a default one (`dvc remote add -d storage s3://bucket/path`), "
                + "set data.source.remote in the pipeline file, or pass --remote=<name>."));
        }

        [Test]
        public async Task Should_Ask_For_TrackData_When_Nothing_Is_Pinned()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var error = await Assert.ThrowsAsync<UsageException>(() => new DataPush(temp.Path).PushAsync(Data, remoteName: null, Cancellation));

            // Then
            Assert.That(error!.Message, Is.EqualTo("data.dvc does not exist: nothing is pinned to push; run TrackData first."));
        }
    }
}
